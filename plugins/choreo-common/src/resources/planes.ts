import { ChoreoObject, ConditionsStatus } from './meta';

/** A listener on a Gateway; `host` and `port` are required by the CRD. */
export interface GatewayListener {
  listenerName?: string;
  port: number;
  host: string;
}

/** A Gateway resource (`name`, `namespace`) and its listeners. */
export interface GatewayEndpoint {
  name: string;
  namespace: string;
  http?: GatewayListener;
  https?: GatewayListener;
  tls?: GatewayListener;
}

export interface GatewaySpec {
  ingress?: { external?: GatewayEndpoint; internal?: GatewayEndpoint };
  egress?: { external?: GatewayEndpoint; internal?: GatewayEndpoint };
}

export interface ClusterAgentSpec {
  clientCA: {
    value?: string;
    secretKeyRef?: { name: string; namespace?: string; key: string };
  };
}

export interface AgentConnectionStatus {
  connected?: boolean;
  connectedAgents?: number;
  lastConnectedTime?: string;
  lastDisconnectedTime?: string;
  lastHeartbeatTime?: string;
  message?: string;
}

export type PlaneStatus = ConditionsStatus & {
  agentConnection?: AgentConnectionStatus;
};

export interface DataPlaneSpec {
  planeID?: string;
  clusterAgent: ClusterAgentSpec;
  gateway?: GatewaySpec;
  secretStoreRef?: { name: string };
  observabilityPlaneRef?: {
    kind: 'ObservabilityPlane' | 'ClusterObservabilityPlane';
    name: string;
  };
}

export type DataPlane = ChoreoObject<'DataPlane', DataPlaneSpec, PlaneStatus>;
export type ClusterDataPlane = ChoreoObject<
  'ClusterDataPlane',
  DataPlaneSpec,
  PlaneStatus
>;

export interface WorkflowPlaneSpec {
  planeID?: string;
  clusterAgent: ClusterAgentSpec;
  secretStoreRef?: { name: string };
  observabilityPlaneRef?: {
    kind: 'ObservabilityPlane' | 'ClusterObservabilityPlane';
    name: string;
  };
}

export type WorkflowPlane = ChoreoObject<
  'WorkflowPlane',
  WorkflowPlaneSpec,
  PlaneStatus
>;
export type ClusterWorkflowPlane = ChoreoObject<
  'ClusterWorkflowPlane',
  WorkflowPlaneSpec,
  PlaneStatus
>;
