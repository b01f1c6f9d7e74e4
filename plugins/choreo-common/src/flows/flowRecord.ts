/**
 * Our compact form of one Hubble flow event. Hubble's own Flow message has
 * dozens of fields; this keeps what the topology overlay and the flow list
 * show, with the peers already resolved to OpenChoreo identities.
 */

/** Hubble verdicts (flow.Verdict). */
export type FlowVerdict =
  | 'FORWARDED'
  | 'DROPPED'
  | 'ERROR'
  | 'AUDIT'
  | 'REDIRECTED'
  | 'TRACED'
  | 'TRANSLATED'
  | 'VERDICT_UNKNOWN';

export const FLOW_VERDICTS: readonly FlowVerdict[] = [
  'FORWARDED',
  'DROPPED',
  'ERROR',
  'AUDIT',
  'REDIRECTED',
  'TRACED',
  'TRANSLATED',
  'VERDICT_UNKNOWN',
];

export type FlowTrafficDirection = 'INGRESS' | 'EGRESS' | 'UNKNOWN';

export type FlowL4Protocol = 'TCP' | 'UDP' | 'SCTP' | 'ICMPv4' | 'ICMPv6';

export type FlowL7Protocol = 'http' | 'grpc' | 'dns' | 'kafka';

/** Who a peer is, in OpenChoreo terms. */
export type FlowIdentity =
  | {
      kind: 'component';
      /** Control-plane namespace (`openchoreo.dev/namespace`). */
      cpNamespace: string;
      project: string;
      component: string;
      environment: string;
    }
  /** A pod labelled `openchoreo.dev/system-component` (the gateways). */
  | { kind: 'gateway'; scope?: 'external' | 'internal' }
  /** Outside the cluster (`reserved:world`). */
  | { kind: 'world' }
  /** Other Cilium reserved identities: host, remote-node, kube-apiserver, health, ... */
  | { kind: 'reserved'; name: string }
  /** A pod OpenChoreo did not render (system add-ons and the like). */
  | { kind: 'pod' }
  | { kind: 'unknown' };

export interface FlowEndpoint {
  /**
   * Stable node id, shared with the cell topology where the peer is one of
   * its nodes: `component:{ns}/{project}/{name}`, `gateway:ingress:{scope}`,
   * `world`, `reserved:{name}`, `pod:{k8sNamespace}/{workload}`, `unknown`.
   */
  id: string;
  identity: FlowIdentity;
  /** Kubernetes namespace of the pod (the cell namespace for components). */
  namespace?: string;
  pod?: string;
  /** Owning workload (Deployment) when Hubble knows it. */
  workload?: string;
  ip?: string;
  port?: number;
}

export interface FlowL7 {
  type: 'REQUEST' | 'RESPONSE' | 'SAMPLE' | 'UNKNOWN';
  protocol: FlowL7Protocol;
  method?: string;
  url?: string;
  /** Path of `url` without the query. */
  path?: string;
  /** HTTP status code of a response. */
  statusCode?: number;
  /** `grpc-status` of a gRPC response. */
  grpcStatus?: number;
  latencyMs?: number;
  dnsQuery?: string;
}

export interface FlowRecord {
  /** RFC 3339 time as Hubble reported it (nanosecond precision kept). */
  time: string;
  /** Milliseconds since the epoch, for windows and ordering. */
  timeMs: number;
  uuid?: string;
  verdict: FlowVerdict;
  /** `drop_reason_desc`, e.g. `POLICY_DENIED` (only for drops). */
  dropReason?: string;
  source: FlowEndpoint;
  destination: FlowEndpoint;
  protocol?: FlowL4Protocol;
  trafficDirection: FlowTrafficDirection;
  /** Reply direction of a connection; absent when Hubble does not know. */
  isReply?: boolean;
  l7?: FlowL7;
  nodeName?: string;
  summary?: string;
}

/** A cell as OpenChoreo filters flows: namespace + environment, optionally project and component. */
export interface FlowCellFilter {
  cpNamespace: string;
  environment: string;
  project?: string;
  component?: string;
}

function identityMatches(identity: FlowIdentity, filter: FlowCellFilter) {
  return (
    identity.kind === 'component' &&
    identity.cpNamespace === filter.cpNamespace &&
    identity.environment === filter.environment &&
    (filter.project === undefined || identity.project === filter.project) &&
    (filter.component === undefined || identity.component === filter.component)
  );
}

/** Source OR destination belongs to the cell, like Hubble's two whitelist filters. */
export function flowMatchesCell(
  record: FlowRecord,
  filter: FlowCellFilter,
): boolean {
  return (
    identityMatches(record.source.identity, filter) ||
    identityMatches(record.destination.identity, filter)
  );
}

/**
 * The Hubble label selector for a cell (`k8s:openchoreo.dev/namespace=…,…`);
 * comma means AND, as in Kubernetes label selectors.
 */
export function hubbleCellSelector(filter: FlowCellFilter): string {
  const parts = [
    `k8s:openchoreo.dev/namespace=${filter.cpNamespace}`,
    `k8s:openchoreo.dev/environment=${filter.environment}`,
  ];
  if (filter.project)
    parts.push(`k8s:openchoreo.dev/project=${filter.project}`);
  if (filter.component)
    parts.push(`k8s:openchoreo.dev/component=${filter.component}`);
  return parts.join(',');
}
