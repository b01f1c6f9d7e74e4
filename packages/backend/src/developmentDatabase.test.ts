import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { loadConfig } from '@backstage/config-loader';

/*
 * The development portal (`./run start`, app-config.yaml) keeps its state:
 * the audit log, pending approvals and the catalog survive a restart of the
 * backend, which the development server does on every source change.
 */

const ROOT = path.resolve(__dirname, '../../..');

async function developmentConfig(dataDir: string) {
  const { appConfigs } = await loadConfig({
    configRoot: ROOT,
    configTargets: [{ path: path.join(ROOT, 'app-config.yaml') }],
    experimentalEnvFunc: async name =>
      name === 'CHOREO_DATA_DIR' ? dataDir : process.env[name],
  });
  return ConfigReader.fromConfigs(appConfigs);
}

/** One backend's life: its database manager, for the choreo plugin. */
async function choreoDatabase(dataDir: string) {
  const manager = DatabaseManager.fromConfig(await developmentConfig(dataDir));
  return manager
    .forPlugin('choreo', {
      lifecycle: mockServices.lifecycle.mock(),
      pluginMetadata: { getId: () => 'choreo' },
    } as never)
    .getClient();
}

describe('the development database', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-dev-db-'));
  });
  afterEach(() => fs.rm(dataDir, { recursive: true, force: true }));

  it('keeps what a plugin wrote across a restart, in a file under the data directory', async () => {
    const before = await choreoDatabase(dataDir);
    await before.schema.createTable('audit_example', t => t.string('what'));
    await before('audit_example').insert({ what: 'promoted api to staging' });
    await before.destroy();

    const after = await choreoDatabase(dataDir);
    expect(await after('audit_example').select('what')).toEqual([
      { what: 'promoted api to staging' },
    ]);
    await after.destroy();
    expect(await fs.readdir(path.join(dataDir, 'database'))).toContain(
      'choreo.sqlite',
    );
  });
});
