import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { BuildLogSource } from './buildLogs/types';
import { FlowSource } from './flows/FlowBuffer';

/**
 * Lets one backend module provide where build logs come from instead of
 * `choreo.workflowPlane`. A second module setting it fails the start-up.
 *
 * @public
 */
export interface ChoreoBuildLogsExtensionPoint {
  setBuildLogSource(source: BuildLogSource): void;
}

/** @public */
export const choreoBuildLogsExtensionPoint =
  createExtensionPoint<ChoreoBuildLogsExtensionPoint>({
    id: 'choreo.build-logs',
  });

/**
 * Lets one backend module provide the network flow source instead of
 * `choreo.hubble`; the plugin starts it after init and stops it on shutdown.
 * A second module setting it fails the start-up.
 *
 * @public
 */
export interface ChoreoFlowSourceExtensionPoint {
  setFlowSource(source: FlowSource): void;
}

/** @public */
export const choreoFlowSourceExtensionPoint =
  createExtensionPoint<ChoreoFlowSourceExtensionPoint>({
    id: 'choreo.flow-source',
  });
