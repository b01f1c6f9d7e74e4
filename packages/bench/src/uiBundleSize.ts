import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * What the choreo frontend plugin adds to the production bundle, from the
 * bundler's stats (`backstage-cli package build --stats` writes
 * dist/bundle-stats.json): for every emitted chunk, its minified size times
 * the share of its (pre-minification) module bytes that belong to the plugin.
 * Chunks only the plugin loads (its lazy tabs, React Flow, elk) count in
 * full; the app's shared chunks count for the plugin's modules in them.
 *
 * The plugin's modules: plugins/choreo and plugins/choreo-common sources, and
 * the libraries only it uses (@xyflow/*, elkjs, eventsource-parser,
 * classcat). d3 and zustand are left out: other Backstage parts may use them.
 */
const PLUGIN_MODULE =
  /(plugins\/choreo(-common)?\/src\/|node_modules\/(@xyflow\/|elkjs\/|eventsource-parser\/|classcat\/))/;

interface StatsModule {
  name?: string;
  identifier?: string;
  size?: number;
  chunks?: Array<string | number>;
  modules?: StatsModule[];
}

interface Stats {
  assets?: Array<{ name: string; size: number }>;
  chunks?: Array<{
    id: string | number;
    files?: string[];
    modules?: StatsModule[];
  }>;
  modules?: StatsModule[];
}

const isPlugin = (m: StatsModule) =>
  PLUGIN_MODULE.test(`${m.identifier ?? ''} ${m.name ?? ''}`);

/** Bytes of `m` that are the plugin's: concatenated modules count by their parts. */
function pluginBytes(m: StatsModule): number {
  if (m.modules?.length)
    return m.modules.reduce((n, inner) => n + pluginBytes(inner), 0);
  return isPlugin(m) ? m.size ?? 0 : 0;
}

export function pluginBundleBytes(stats: Stats): number {
  const total = new Map<string, number>();
  const plugin = new Map<string, number>();
  const add = (map: Map<string, number>, chunk: string, n: number) =>
    map.set(chunk, (map.get(chunk) ?? 0) + n);
  const modules =
    stats.modules ??
    (stats.chunks ?? []).flatMap(c =>
      (c.modules ?? []).map(m => ({ ...m, chunks: [c.id] })),
    );
  for (const m of modules) {
    for (const chunk of m.chunks ?? []) {
      add(total, String(chunk), m.size ?? 0);
      add(plugin, String(chunk), pluginBytes(m));
    }
  }
  const assetSize = new Map((stats.assets ?? []).map(a => [a.name, a.size]));
  let bytes = 0;
  for (const chunk of stats.chunks ?? []) {
    const id = String(chunk.id);
    const share = (plugin.get(id) ?? 0) / Math.max(1, total.get(id) ?? 0);
    if (share === 0) continue;
    const files = (chunk.files ?? []).filter(f => /\.(js|css)$/.test(f));
    bytes += share * files.reduce((n, f) => n + (assetSize.get(f) ?? 0), 0);
  }
  return bytes;
}

export async function pluginBundleKb(dist: string): Promise<number> {
  const file = path.join(dist, 'bundle-stats.json');
  const stats = JSON.parse(await fs.readFile(file, 'utf8')) as Stats;
  return pluginBundleBytes(stats) / 1024;
}
