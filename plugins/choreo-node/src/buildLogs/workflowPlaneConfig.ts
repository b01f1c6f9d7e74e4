import path from 'node:path';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import {
  KubernetesClientFactory,
  kubeConfigFor,
} from '../sources/kubernetes/kubeConfig';

const KEY = 'choreo.workflowPlane';
const CONNECTION_KEYS = [
  'kubeconfig',
  'context',
  'inCluster',
  'url',
  'token',
  'caFile',
] as const;

/**
 * The cluster of the workflow plane from `choreo.workflowPlane`: either
 * `source` (reuse a kubernetes source's client configuration, for a
 * workflow plane in the control-plane cluster) or its own connection keys.
 * Undefined when the key is absent.
 */
export function workflowPlaneKubeConfig(
  config: Config,
  options: { workingDirectory?: string } = {},
): KubeConfig | undefined {
  const plane = config.getOptionalConfig(KEY);
  if (!plane) return undefined;
  const source = plane.getOptionalString('source');
  const own = CONNECTION_KEYS.filter(key => plane.has(key));
  if (source !== undefined) {
    if (own.length > 0) {
      throw new InputError(
        `${KEY} sets source and ${own.join(
          ', ',
        )}; either reuse a kubernetes source or give the workflow plane its own connection, not both`,
      );
    }
    return KubernetesClientFactory.fromConfig(config, options).kubeConfig(
      source,
    );
  }
  const kubeconfig = plane.getOptionalString('kubeconfig');
  const cwd = options.workingDirectory ?? process.cwd();
  const resolve = (file: string | undefined) =>
    file !== undefined && !file.startsWith('~')
      ? path.resolve(cwd, file)
      : file;
  try {
    return kubeConfigFor({
      name: 'workflowPlane',
      kubeconfig: resolve(kubeconfig),
      context: plane.getOptionalString('context'),
      inCluster: plane.getOptionalBoolean('inCluster'),
      url: plane.getOptionalString('url'),
      token: plane.getOptionalString('token'),
      caFile: resolve(plane.getOptionalString('caFile')),
    });
  } catch (error) {
    // kubeConfigFor names a source; here the keys live elsewhere
    if (error instanceof InputError) {
      throw new InputError(
        error.message.replace("choreo.sources 'workflowPlane'", KEY),
      );
    }
    throw error;
  }
}
