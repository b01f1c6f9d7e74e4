import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { PACKAGE_DIR } from './packageDir';

/** Where the binaries of the test environment were found. */
export interface KubeBinaries {
  kubeApiServer: string;
  etcd: string;
  /** Present only when asked for with `{ openchoreoManager: true }`. */
  openchoreoManager?: string;
  /** Present only when asked for with `{ openchoreoApi: true }`. */
  openchoreoApi?: string;
}

type BinaryName =
  | 'kube-apiserver'
  | 'etcd'
  | 'openchoreo-manager'
  | 'openchoreo-api';

/** The build script; it also documents how each binary is built. */
export const BUILD_SCRIPT = path.join(
  PACKAGE_DIR,
  'scripts',
  'build-binaries.sh',
);

/** `<repo>/.cache/kube-testenv/bin`, or `$KUBE_TESTENV_CACHE/bin` (the build script uses the same rule). */
export function binaryCacheDir(): string {
  const cacheRoot =
    process.env.KUBE_TESTENV_CACHE ??
    path.resolve(PACKAGE_DIR, '..', '..', '.cache', 'kube-testenv');
  return path.join(cacheRoot, 'bin');
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds kube-apiserver and etcd (and, when asked, the OpenChoreo controller manager and
 * openchoreo-api):
 * 1. `KUBEBUILDER_ASSETS` (the envtest convention: a directory holding kube-apiserver and etcd),
 *    so users with envtest binaries skip the build; OpenChoreo's binaries are never part of
 *    envtest assets.
 * 2. The project's cache directory (see `binaryCacheDir`).
 * 3. Otherwise runs scripts/build-binaries.sh for what is missing (a cold build takes many minutes).
 * Throws with instructions when a binary is still missing; it never skips silently.
 */
export function locateBinaries(
  options: {
    openchoreoManager?: boolean;
    openchoreoApi?: boolean;
    build?: boolean;
  } = {},
): KubeBinaries {
  const cacheDir = binaryCacheDir();
  const assets = process.env.KUBEBUILDER_ASSETS;
  const found = new Map<BinaryName, string>();
  const wanted: BinaryName[] = ['kube-apiserver', 'etcd'];
  if (options.openchoreoManager) {
    wanted.push('openchoreo-manager');
  }
  if (options.openchoreoApi) {
    wanted.push('openchoreo-api');
  }

  if (assets) {
    for (const name of ['kube-apiserver', 'etcd'] as const) {
      const file = path.join(assets, name);
      if (!isExecutable(file)) {
        throw new Error(
          `KUBEBUILDER_ASSETS=${assets} has no executable ${name}. Point it at a directory with ` +
            'kube-apiserver and etcd (for example from `setup-envtest use -p path`), or unset it ' +
            `to use the binaries built by ${BUILD_SCRIPT}.`,
        );
      }
      found.set(name, file);
    }
  }
  const fromCache = () => {
    for (const name of wanted) {
      const file = path.join(cacheDir, name);
      if (!found.has(name) && isExecutable(file)) {
        found.set(name, file);
      }
    }
  };
  fromCache();

  let missing = wanted.filter(name => !found.has(name));
  if (
    missing.length > 0 &&
    options.build !== false &&
    process.env.KUBE_TESTENV_NO_BUILD !== '1'
  ) {
    // Blocking on purpose: the build needs both cores, and its output explains any failure.
    process.stderr.write(
      `[kube-testenv] building ${missing.join(
        ', ',
      )} with ${BUILD_SCRIPT}; this takes minutes once\n`,
    );
    const result = spawnSync('bash', [BUILD_SCRIPT, ...missing], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (result.status !== 0) {
      throw new Error(
        `${BUILD_SCRIPT} ${missing.join(' ')} failed (exit ${
          result.status ?? result.signal
        }); its output above says what is missing.`,
      );
    }
    fromCache();
    missing = wanted.filter(name => !found.has(name));
  }
  if (missing.length > 0) {
    throw new Error(
      `Missing test binaries: ${missing.join(', ')} (looked in ${
        assets ? `KUBEBUILDER_ASSETS=${assets} and ` : ''
      }${cacheDir}). ` +
        `Run \`bash ${BUILD_SCRIPT}\` (needs Go >= 1.26 and the Go module proxy), or set KUBEBUILDER_ASSETS ` +
        'to a directory with kube-apiserver and etcd.',
    );
  }
  return {
    kubeApiServer: found.get('kube-apiserver')!,
    etcd: found.get('etcd')!,
    openchoreoManager: found.get('openchoreo-manager'),
    openchoreoApi: found.get('openchoreo-api'),
  };
}
