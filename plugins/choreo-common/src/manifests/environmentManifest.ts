import { CreateEnvironmentRequest } from '../api/resources';
import { CHOREO_API_VERSION } from '../constants';
import { Environment } from '../resources';
import { manifestMetadata } from './manifestMetadata';

/** The Environment of a create request; `dataPlaneRef` is immutable once set. */
export function environmentManifest(
  namespace: string,
  request: CreateEnvironmentRequest,
): Environment {
  return {
    apiVersion: CHOREO_API_VERSION,
    kind: 'Environment',
    metadata: manifestMetadata(namespace, request.name, request),
    spec: {
      dataPlaneRef: {
        kind: request.dataPlaneRef.kind,
        name: request.dataPlaneRef.name,
      },
      isProduction: request.isProduction ?? false,
    },
  };
}
