import os from 'node:os';
import path from 'node:path';
import { Config } from '@backstage/config';
import { InputError, NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { KubernetesSourceConfig, readChoreoSourcesConfig } from '../config';

/** The connection part of a kubernetes source's configuration. */
export type KubernetesConnectionConfig = Pick<
  KubernetesSourceConfig,
  'name' | 'kubeconfig' | 'context' | 'inCluster' | 'url' | 'token' | 'caFile'
>;

function expandHome(file: string): string {
  return file === '~' || file.startsWith('~/')
    ? path.join(os.homedir(), file.slice(1))
    : file;
}

/**
 * Builds the client configuration of one kubernetes source: a kubeconfig file
 * (and context), the pod's service account (`inCluster`), or `url` + `token`
 * (+ `caFile`). Without any of them, the usual default (KUBECONFIG,
 * ~/.kube/config, in-cluster) applies. Throws InputError naming the keys to fix.
 */
export function kubeConfigFor(config: KubernetesConnectionConfig): KubeConfig {
  const at = `choreo.sources '${config.name}'`;
  const modes = [
    config.kubeconfig !== undefined && 'kubeconfig',
    config.inCluster && 'inCluster',
    config.url !== undefined && 'url',
  ].filter(Boolean);
  if (modes.length > 1) {
    throw new InputError(
      `${at} sets ${modes.join(
        ' and ',
      )}; choose one way to reach the cluster: kubeconfig (+ context), inCluster: true, or url + token`,
    );
  }
  if (config.token !== undefined && config.url === undefined) {
    throw new InputError(
      `${at} sets token without url; add the API server url`,
    );
  }
  const kc = new KubeConfig();
  if (config.url !== undefined) {
    kc.loadFromClusterAndUser(
      {
        name: config.name,
        server: config.url,
        caFile: config.caFile ? expandHome(config.caFile) : undefined,
        skipTLSVerify: false,
      },
      { name: config.name, token: config.token },
    );
    return kc;
  }
  if (config.inCluster) {
    if (!process.env.KUBERNETES_SERVICE_HOST) {
      throw new InputError(
        `${at} sets inCluster: true, but the backend does not run in a Kubernetes pod (KUBERNETES_SERVICE_HOST is not set); use kubeconfig or url + token instead`,
      );
    }
    kc.loadFromCluster();
    return kc;
  }
  if (config.kubeconfig !== undefined) {
    const file = expandHome(config.kubeconfig);
    try {
      kc.loadFromFile(file);
    } catch (error) {
      // the YAML parser quotes the lines around an error, token lines too
      const reason = String((error as Error).message ?? error).split('\n')[0];
      throw new InputError(
        `${at}: the kubeconfig ${file} is not valid YAML or cannot be read (${reason}); fix or replace the file`,
      );
    }
  } else {
    kc.loadFromDefault();
  }
  if (config.context !== undefined) {
    if (!kc.getContextObject(config.context)) {
      throw new InputError(
        `${at}: context '${config.context}' is not in the kubeconfig; it has ${
          kc
            .getContexts()
            .map(c => `'${c.name}'`)
            .join(', ') || 'no contexts'
        }`,
      );
    }
    kc.setCurrentContext(config.context);
  }
  if (!kc.getCurrentCluster()) {
    throw new InputError(
      `${at}: the kubeconfig has no current cluster; set context to one of its contexts`,
    );
  }
  return kc;
}

/**
 * Hands out the client configuration of each kubernetes source by name, so
 * code that reads other objects of the same cluster (Argo Workflows, build
 * pods and their logs) uses the same credentials as the source.
 */
export class KubernetesClientFactory {
  private readonly configs = new Map<string, KubernetesConnectionConfig>();
  private readonly cache = new Map<string, KubeConfig>();

  static fromConfig(
    config: Config,
    options: { workingDirectory?: string } = {},
  ): KubernetesClientFactory {
    return new KubernetesClientFactory(
      readChoreoSourcesConfig(config, options).filter(
        (c): c is KubernetesSourceConfig => c.type === 'kubernetes',
      ),
    );
  }

  constructor(sources: KubernetesConnectionConfig[]) {
    for (const source of sources) {
      this.configs.set(source.name, source);
    }
  }

  /** Names of the configured kubernetes sources. */
  sourceNames(): string[] {
    return Array.from(this.configs.keys());
  }

  /** The KubeConfig of a kubernetes source; NotFoundError when there is no such source. */
  kubeConfig(sourceName: string): KubeConfig {
    const cached = this.cache.get(sourceName);
    if (cached) {
      return cached;
    }
    const config = this.configs.get(sourceName);
    if (!config) {
      throw new NotFoundError(
        `There is no kubernetes Choreo source named '${sourceName}'; configured: ${
          this.sourceNames().join(', ') || 'none'
        }`,
      );
    }
    const kc = kubeConfigFor(config);
    this.cache.set(sourceName, kc);
    return kc;
  }
}
