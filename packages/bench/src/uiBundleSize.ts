import fs from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';

/**
 * What the choreo frontend plugin adds to the production bundle: the JS and
 * CSS a build of the app emits, minus what the same app emits without the
 * plugin. Everything the plugin brings in counts (its lazy tabs, React Flow,
 * elk, d3), and nothing the app would load anyway.
 *
 * Two plain builds rather than the bundler's stats: `package build --stats`
 * writes its 140 MB stats file through a stream that stalled half-way, and
 * the build never exited, in the last two runs on this machine.
 */
export const PLUGIN_PACKAGE = '@choreo-for-backstage/plugin-choreo';

/** Bytes of the .js and .css files under `dir` (source maps and stats aside). */
export async function emittedBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += await emittedBytes(file);
    else if (/\.(js|css)$/.test(entry.name))
      bytes += (await fs.stat(file)).size;
  }
  return bytes;
}

type PackagesConfig = 'all' | { include?: string[]; exclude?: string[] };

/**
 * A config that, loaded after `appConfig` (YAML), leaves `pkg` out of the
 * app's package discovery and keeps everything else as it was. Config
 * arrays replace each other, so the exclusions are repeated.
 */
export function configWithout(appConfig: string, pkg: string): string {
  const packages = (parse(appConfig)?.app?.packages ?? 'all') as PackagesConfig;
  let next: PackagesConfig;
  if (packages === 'all') next = { exclude: [pkg] };
  else if (packages.include)
    next = { ...packages, include: packages.include.filter(p => p !== pkg) };
  else next = { ...packages, exclude: [...(packages.exclude ?? []), pkg] };
  return stringify({ app: { packages: next } });
}
