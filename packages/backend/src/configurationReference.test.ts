import fs from 'node:fs';
import path from 'node:path';
import { loadConfigSchema } from '@backstage/config-loader';

/*
 * docs/configuration.md documents every key of the Choreo packages'
 * config.d.ts files, and no key that does not exist. The schemas come from
 * Backstage's own config loader, which finds each package's config.d.ts
 * through the `configSchema` of its package.json, as the backend does.
 */

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../..');
const REFERENCE = path.join(ROOT, 'docs/configuration.md');

/** The workspace packages that may declare configuration. */
const OWN_PACKAGES = [
  ...fs
    .readdirSync(path.join(ROOT, 'plugins'))
    .map(dir => path.join(ROOT, 'plugins', dir)),
  path.join(ROOT, 'packages/app'),
].filter(dir => fs.existsSync(path.join(dir, 'package.json')));

/** The parts of a JSON schema that say which keys exist. */
interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema | Schema[];
  additionalProperties?: Schema | boolean;
  patternProperties?: Record<string, Schema>;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  type?: string | string[];
}

const DURATION_UNITS = new Set([
  'years',
  'months',
  'weeks',
  'days',
  'hours',
  'minutes',
  'seconds',
  'milliseconds',
]);
const SCALARS = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * A key whose value is one setting, though its schema has parts: a duration
 * (`'30s'` or `{ seconds: 30 }`) or anything else that may be given as a
 * string, number or boolean. Its parts need no row of their own.
 */
function isOneSetting(node: Schema): boolean {
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives?.some(a => SCALARS.has(String(a.type)))) return true;
  const parts = Object.keys(node.properties ?? {});
  return parts.length > 0 && parts.every(p => DURATION_UNITS.has(p));
}

/**
 * Every key path of a schema: `a.b`, `list[].c`, `map.*.d`. With
 * `settingsAsLeaves`, the parts of a one-value setting are left out.
 */
function keyPaths(
  node: Schema | undefined,
  options: { settingsAsLeaves: boolean },
  prefix = '',
  out = new Set<string>(),
): Set<string> {
  if (!node || typeof node !== 'object') return out;
  if (prefix && !prefix.endsWith('[]')) out.add(prefix);
  if (prefix && options.settingsAsLeaves && isOneSetting(node)) return out;
  for (const alternative of [
    ...(node.anyOf ?? []),
    ...(node.oneOf ?? []),
    ...(node.allOf ?? []),
  ]) {
    keyPaths(alternative, options, prefix, out);
  }
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    keyPaths(child, options, join(key), out);
  }
  for (const item of ([] as Schema[]).concat(node.items ?? [])) {
    keyPaths(item, options, `${prefix}[]`, out);
  }
  if (node.additionalProperties && node.additionalProperties !== true) {
    keyPaths(node.additionalProperties as Schema, options, join('*'), out);
  }
  for (const child of Object.values(node.patternProperties ?? {})) {
    keyPaths(child, options, join('*'), out);
  }
  return out;
}

/** Keys that nothing else is declared under: the settings themselves. */
function leaves(keys: Set<string>): string[] {
  const all = [...keys];
  return all.filter(
    key =>
      !all.some(
        other => other.startsWith(`${key}.`) || other.startsWith(`${key}[].`),
      ),
  );
}

/** The keys in the first column of every table whose header starts with `Key`. */
function documentedKeys(markdown: string): Map<string, number> {
  const keys = new Map<string, number>();
  let inKeyTable = false;
  markdown.split('\n').forEach((line, index) => {
    if (!line.startsWith('|')) {
      inKeyTable = false;
      return;
    }
    const first = line.split('|')[1].trim();
    if (/^Key\b/.test(first)) {
      inKeyTable = true;
      return;
    }
    const key = /^`([^`]+)`$/.exec(first)?.[1];
    if (inKeyTable && key) {
      // `<environment>` and the like stand for any name
      keys.set(key.replace(/<[^>]+>/g, '*'), index + 1);
    }
  });
  return keys;
}

describe('the configuration reference', () => {
  let schemas: Array<{ packageName: string; path: string; value: Schema }>;
  const documented = documentedKeys(fs.readFileSync(REFERENCE, 'utf8'));

  beforeAll(async () => {
    const loaded = await loadConfigSchema({
      dependencies: [],
      // the backend brings Backstage's own schemas, for the keys of theirs we name
      packagePaths: [...OWN_PACKAGES, path.join(ROOT, 'packages/backend')].map(
        dir => path.join(dir, 'package.json'),
      ),
    });
    schemas = (loaded.serialize().schemas as any[]).map(s => ({
      packageName: s.packageName,
      path: path.resolve(s.path),
      value: s.value,
    }));
  });

  const own = () =>
    schemas.filter(
      s =>
        s.packageName.startsWith('@choreo-for-backstage/') ||
        s.packageName === 'app',
    );

  it('reads every config.d.ts of the plugins through its package.json', () => {
    const onDisk = OWN_PACKAGES.map(dir =>
      path.join(dir, 'config.d.ts'),
    ).filter(file => fs.existsSync(file));
    const loaded = own().map(s => s.path);
    expect(loaded).toEqual(expect.arrayContaining(onDisk));
    expect(loaded.length).toBeGreaterThanOrEqual(6);
  });

  it('documents only keys that exist', () => {
    const existing = new Set<string>();
    for (const schema of schemas) {
      keyPaths(schema.value, { settingsAsLeaves: false }, '', existing);
    }
    const unknown = [...documented]
      .filter(([key]) => !existing.has(key))
      .map(([key, line]) => `${key} (docs/configuration.md:${line})`);
    expect(unknown).toEqual([]);
  });

  it('documents every key of the Choreo packages', () => {
    const missing = own().flatMap(schema =>
      leaves(keyPaths(schema.value, { settingsAsLeaves: true }))
        .filter(key => !documented.has(key))
        .map(key => `${key} (${path.relative(ROOT, schema.path)})`),
    );
    expect(missing).toEqual([]);
  });
});
