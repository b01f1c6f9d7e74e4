import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { BuildLogSource } from '@choreo-for-backstage/plugin-choreo-node';

// The contract lives in choreo-node, next to its Kubernetes implementation.
export type {
  BuildLogLine,
  BuildLogRequest,
  BuildLogSource,
} from '@choreo-for-backstage/plugin-choreo-node';

/** Lets a module (e.g. the Kubernetes one) provide the build log source. */
export interface ChoreoBuildLogsExtensionPoint {
  setBuildLogSource(source: BuildLogSource): void;
}

/** @public */
export const choreoBuildLogsExtensionPoint =
  createExtensionPoint<ChoreoBuildLogsExtensionPoint>({
    id: 'choreo.build-logs',
  });
