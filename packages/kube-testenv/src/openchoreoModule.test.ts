import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  __resetOpenChoreoModuleCacheForTests,
  loadOpenChoreoCrds,
  openchoreoModuleDir,
} from './openchoreoModule';

describe('openchoreoModuleDir', () => {
  const savedEnv = { ...process.env };

  afterEach(() => {
    process.env = { ...savedEnv };
    __resetOpenChoreoModuleCacheForTests();
  });

  it('returns the module directory with the CRDs and caches it', () => {
    const dir = openchoreoModuleDir();
    expect(dir).toMatch(/github\.com\/openchoreo\/openchoreo@v1\.2\.3$/);
    expect(
      existsSync(
        path.join(
          dir,
          'config',
          'crd',
          'bases',
          'openchoreo.dev_workloads.yaml',
        ),
      ),
    ).toBe(true);

    // A second call must not need `go` any more.
    process.env.PATH = '';
    expect(openchoreoModuleDir()).toBe(dir);
  });

  it('says how to get go when it is not on PATH', () => {
    const emptyDir = mkdtempSync(path.join(os.tmpdir(), 'no-go-'));
    try {
      process.env.PATH = emptyDir;
      expect(() => openchoreoModuleDir()).toThrow(
        /`go` command was not found on PATH.*Install Go/s,
      );
    } finally {
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it('reports the go error when the version cannot be downloaded', () => {
    process.env.GOPROXY = 'off';
    expect(() => openchoreoModuleDir('v9.9.9')).toThrow(
      /openchoreo@v9\.9\.9 failed:[\s\S]*module lookup disabled by GOPROXY=off/,
    );
  });
});

describe('loadOpenChoreoCrds', () => {
  it('returns every OpenChoreo kind with plural, scope and the v1alpha1 schema', () => {
    const crds = loadOpenChoreoCrds();
    expect(crds.size).toBe(37);
    expect(crds.get('Workload')).toMatchObject({
      plural: 'workloads',
      scope: 'Namespaced',
    });
    expect(crds.get('ClusterComponentType')).toMatchObject({
      plural: 'clustercomponenttypes',
      scope: 'Cluster',
    });
    const releaseBinding = crds.get('ReleaseBinding')!.openAPIV3Schema as {
      properties: { spec: { required: string[] } };
    };
    expect(releaseBinding.properties.spec.required).toEqual(
      expect.arrayContaining(['environment', 'owner']),
    );
  });
});
