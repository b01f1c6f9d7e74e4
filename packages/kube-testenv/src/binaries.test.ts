import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { locateBinaries } from './binaries';

function fakeBinaries(dir: string, names: string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const name of names) {
    writeFileSync(path.join(dir, name), '#!/bin/sh\n');
    chmodSync(path.join(dir, name), 0o755);
  }
}

describe('locateBinaries', () => {
  const savedEnv = { ...process.env };
  let tmp: string;

  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'binaries-'));
    process.env.KUBE_TESTENV_CACHE = path.join(tmp, 'cache');
    delete process.env.KUBEBUILDER_ASSETS;
  });
  afterEach(() => {
    process.env = { ...savedEnv };
    rmSync(tmp, { recursive: true, force: true });
  });

  it('prefers KUBEBUILDER_ASSETS (envtest) over the build cache', () => {
    fakeBinaries(path.join(tmp, 'envtest'), ['kube-apiserver', 'etcd']);
    fakeBinaries(path.join(tmp, 'cache', 'bin'), [
      'kube-apiserver',
      'etcd',
      'openchoreo-manager',
    ]);
    process.env.KUBEBUILDER_ASSETS = path.join(tmp, 'envtest');

    expect(locateBinaries({ openchoreoManager: true, build: false })).toEqual({
      kubeApiServer: path.join(tmp, 'envtest', 'kube-apiserver'),
      etcd: path.join(tmp, 'envtest', 'etcd'),
      // envtest assets never contain the manager, so it still comes from the cache.
      openchoreoManager: path.join(tmp, 'cache', 'bin', 'openchoreo-manager'),
    });
  });

  it('finds openchoreo-api in the cache only when asked for', () => {
    fakeBinaries(path.join(tmp, 'cache', 'bin'), [
      'kube-apiserver',
      'etcd',
      'openchoreo-api',
    ]);
    expect(locateBinaries({ build: false }).openchoreoApi).toBeUndefined();
    expect(locateBinaries({ openchoreoApi: true, build: false })).toEqual({
      kubeApiServer: path.join(tmp, 'cache', 'bin', 'kube-apiserver'),
      etcd: path.join(tmp, 'cache', 'bin', 'etcd'),
      openchoreoApi: path.join(tmp, 'cache', 'bin', 'openchoreo-api'),
    });
  });

  it('names openchoreo-api when it is asked for but not built', () => {
    fakeBinaries(path.join(tmp, 'cache', 'bin'), ['kube-apiserver', 'etcd']);
    expect(() => locateBinaries({ openchoreoApi: true, build: false })).toThrow(
      /Missing test binaries: openchoreo-api /,
    );
  });

  it('says which binary KUBEBUILDER_ASSETS lacks', () => {
    fakeBinaries(path.join(tmp, 'envtest'), ['kube-apiserver']);
    process.env.KUBEBUILDER_ASSETS = path.join(tmp, 'envtest');
    expect(() => locateBinaries({ build: false })).toThrow(
      /KUBEBUILDER_ASSETS=.*envtest has no executable etcd/,
    );
  });

  it('fails with the build command instead of skipping when nothing is built', () => {
    expect(() => locateBinaries({ build: false })).toThrow(
      /Missing test binaries: kube-apiserver, etcd .*Run `bash .*scripts\/build-binaries\.sh`/s,
    );
  });
});
