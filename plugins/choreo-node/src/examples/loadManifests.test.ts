import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadManifests, where } from './__testUtils__/loadManifests';

describe('loadManifests', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'manifests-'));
    mkdirSync(path.join(dir, 'org', 'projects'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every document of nested YAML files with its file and line', () => {
    writeFileSync(
      path.join(dir, 'org', 'projects', 'shop.yaml'),
      '# comment\n---\nkind: Project\nmetadata: {name: shop}\n---\nkind: Component\nmetadata:\n  name: api\n',
    );
    const manifests = loadManifests(path.join(dir, 'org'), dir);
    expect(manifests.map(where)).toEqual([
      'org/projects/shop.yaml:3 Project/shop',
      'org/projects/shop.yaml:6 Component/api',
    ]);
  });

  it('names the file and line of a syntax error', () => {
    writeFileSync(
      path.join(dir, 'org', 'broken.yaml'),
      'kind: Project\nmetadata:\n  name: [shop\n',
    );
    expect(() => loadManifests(path.join(dir, 'org'), dir)).toThrow(
      /^org\/broken\.yaml:\d+:\d+: YAML/,
    );
  });
});
