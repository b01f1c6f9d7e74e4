import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
import { readChoreoSourcesConfig } from './config';

/*
 * Every `choreo.sources` example in the project's README is a configuration
 * the portal accepts: a newcomer copies them as they are.
 */

const README = path.resolve(__dirname, '../../../../README.md');

function documentedSourceConfigs(): Array<{ at: number; yaml: string }> {
  const text = fs.readFileSync(README, 'utf8');
  const blocks: Array<{ at: number; yaml: string }> = [];
  const fence = /```yaml\n([\s\S]*?)```/g;
  for (let m = fence.exec(text); m; m = fence.exec(text)) {
    if (/^choreo:\n\s+sources:/m.test(m[1])) {
      blocks.push({
        at: text.slice(0, m.index).split('\n').length,
        yaml: m[1],
      });
    }
  }
  return blocks;
}

/** The example with its secret files mounted: each path under /var/run/secrets exists, in a temp dir. */
function withSecretsMounted(yaml: string, dir: string): string {
  return yaml.replace(/\/var\/run\/secrets\/[^\s#]+/g, secret => {
    const file = path.join(dir, secret);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'secret\n', { mode: 0o600 });
    return file;
  });
}

describe('the README', () => {
  const examples = documentedSourceConfigs();
  let secrets: string;
  beforeAll(() => {
    secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'choreo-readme-'));
  });
  afterAll(() => fs.rmSync(secrets, { recursive: true, force: true }));

  it('has source examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map(e => [e.at, e.yaml]))(
    'configures sources the portal accepts (example at line %i)',
    (_line, yaml) => {
      const sources = readChoreoSourcesConfig(
        new ConfigReader(parse(withSecretsMounted(yaml, secrets))),
      );
      expect(sources.length).toBeGreaterThan(0);
      // no two sources of one example serve the same organisation
      const served = sources.flatMap(s => s.namespaces ?? []);
      expect(new Set(served).size).toBe(served.length);
    },
  );
});
