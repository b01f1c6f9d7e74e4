import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { configWithout, emittedBytes } from './uiBundleSize';

const PLUGIN = '@choreo-for-backstage/plugin-choreo';

describe('emittedBytes', () => {
  it('sums the scripts and styles of a build, nested ones too, but not source maps', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-dist-'));
    try {
      await fs.mkdir(path.join(dir, 'highlighter'));
      await fs.writeFile(path.join(dir, 'main.js'), 'x'.repeat(100));
      await fs.writeFile(path.join(dir, 'main.js.map'), 'x'.repeat(5000));
      await fs.writeFile(path.join(dir, 'cell.css'), 'x'.repeat(20));
      await fs.writeFile(
        path.join(dir, 'highlighter', 'yaml.js'),
        'x'.repeat(3),
      );
      await fs.writeFile(path.join(dir, 'manifest.json'), 'x'.repeat(700));
      expect(await emittedBytes(dir)).toBe(123);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('configWithout', () => {
  const packagesOf = (yaml: string) => parse(yaml).app.packages;

  it('keeps the app config exclusions and adds the plugin', () => {
    const app = `app:\n  title: T\n  packages:\n    exclude:\n      - '@backstage/plugin-techdocs'\n`;
    expect(packagesOf(configWithout(app, PLUGIN))).toEqual({
      exclude: ['@backstage/plugin-techdocs', PLUGIN],
    });
  });

  it('turns "all" into all but the plugin', () => {
    expect(
      packagesOf(configWithout('app:\n  packages: all\n', PLUGIN)),
    ).toEqual({ exclude: [PLUGIN] });
    expect(packagesOf(configWithout('app:\n  title: T\n', PLUGIN))).toEqual({
      exclude: [PLUGIN],
    });
  });

  it('drops the plugin from an include list', () => {
    const app = `app:\n  packages:\n    include: ['@backstage/plugin-catalog', '${PLUGIN}']\n`;
    expect(packagesOf(configWithout(app, PLUGIN))).toEqual({
      include: ['@backstage/plugin-catalog'],
    });
  });
});
