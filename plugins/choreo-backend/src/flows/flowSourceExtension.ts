import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { FlowSource } from '@choreo-for-backstage/plugin-choreo-node';

/** Lets a backend module provide the flow source instead of `choreo.hubble`. */
export interface ChoreoFlowSourceExtensionPoint {
  /** The plugin starts the source after init and stops it on shutdown. */
  setFlowSource(source: FlowSource): void;
}

export const choreoFlowSourceExtensionPoint =
  createExtensionPoint<ChoreoFlowSourceExtensionPoint>({
    id: 'choreo.flow-source',
  });
