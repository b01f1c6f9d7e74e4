import path from 'node:path';
import { Config } from '@backstage/config';
import { GitRemoteConfig, readGitRemoteConfig } from './gitRemoteConfig';

/** A GitOps directory (or the bundled examples) as a source. */
export interface DirectorySourceConfig {
  type: 'directory';
  name: string;
  /** Absolute path (relative config values resolve against the backend's working directory). */
  path: string;
  /**
   * GitOps mode: `commit` records every write as a commit; with `remote`, the
   * directory is a clone of that remote, follows it and pushes every write.
   */
  git: { commit: boolean; remote?: GitRemoteConfig };
  namespaces?: string[];
}

/** A live control plane, read with list + watch and written with server-side apply. */
export interface KubernetesSourceConfig {
  type: 'kubernetes';
  name: string;
  kubeconfig?: string;
  context?: string;
  inCluster?: boolean;
  url?: string;
  token?: string;
  caFile?: string;
  namespaces?: string[];
  /** Writes impersonate the signed-in user (Impersonate-User). Default off. */
  impersonate?: boolean;
}

export type ChoreoSourceConfig = DirectorySourceConfig | KubernetesSourceConfig;

export const CHOREO_SOURCE_TYPES = ['directory', 'kubernetes'] as const;

/**
 * Reads `choreo.sources`, in order (order is precedence when two sources
 * provide the same resource). Throws an error naming the bad key.
 */
export function readChoreoSourcesConfig(
  config: Config,
  options: { workingDirectory?: string } = {},
): ChoreoSourceConfig[] {
  const cwd = options.workingDirectory ?? process.cwd();
  const entries = config.getOptionalConfigArray('choreo.sources') ?? [];
  const names = new Map<string, number>();

  return entries.map((entry, index) => {
    const at = `choreo.sources[${index}]`;
    const name = entry.getString('name').trim();
    if (!name) {
      throw new Error(`${at}.name must not be empty`);
    }
    const first = names.get(name);
    if (first !== undefined) {
      throw new Error(
        `${at}.name '${name}' is already used by choreo.sources[${first}]; every source needs a unique name`,
      );
    }
    names.set(name, index);
    const type = entry.getString('type');
    const namespaces = entry.getOptionalStringArray('namespaces');

    if (type === 'directory') {
      const configured = entry.getString('path');
      if (!configured.trim()) {
        throw new Error(`${at}.path must not be empty`);
      }
      const remote = readGitRemoteConfig(entry, at, cwd);
      return {
        type,
        name,
        path: path.resolve(cwd, configured),
        git: remote
          ? { commit: true, remote }
          : { commit: entry.getOptionalBoolean('git.commit') ?? false },
        ...(namespaces ? { namespaces } : {}),
      };
    }
    if (type === 'kubernetes') {
      return withoutUndefined<KubernetesSourceConfig>({
        type,
        name,
        kubeconfig: entry.getOptionalString('kubeconfig'),
        context: entry.getOptionalString('context'),
        inCluster: entry.getOptionalBoolean('inCluster'),
        url: entry.getOptionalString('url'),
        token: entry.getOptionalString('token'),
        caFile: entry.getOptionalString('caFile'),
        namespaces,
        impersonate: entry.getOptionalBoolean('impersonate'),
      });
    }
    throw new Error(
      `${at}.type '${type}' is not a known source type; use one of ${CHOREO_SOURCE_TYPES.map(
        t => `'${t}'`,
      ).join(', ')}`,
    );
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
