import { cellComponentId, cellGatewayId } from '../domain/cellTopology';
import { FlowIdentity } from './flowRecord';

const PREFIX_NS = 'openchoreo.dev/namespace';
const PREFIX_PROJECT = 'openchoreo.dev/project';
const PREFIX_COMPONENT = 'openchoreo.dev/component';
const PREFIX_ENV = 'openchoreo.dev/environment';
const SYSTEM_COMPONENT = 'openchoreo.dev/system-component';
const OWNING_GATEWAY = 'gateway.envoyproxy.io/owning-gateway-name';

function scopeHint(
  value: string | undefined,
): 'external' | 'internal' | undefined {
  if (!value) return undefined;
  if (value.includes('internal')) return 'internal';
  if (value.includes('external')) return 'external';
  return undefined;
}

/**
 * Resolves a Cilium endpoint's labels (`k8s:key=value`, `reserved:world`) to
 * who it is for OpenChoreo. Namespace labels (`io.cilium.k8s.namespace.labels.*`)
 * are ignored on purpose: only the pod's own labels name a component.
 */
export function identityFromLabels(
  labels: readonly string[] | undefined,
  podName?: string,
): FlowIdentity {
  if (!labels || labels.length === 0) {
    return podName ? { kind: 'pod' } : { kind: 'unknown' };
  }
  let ns: string | undefined;
  let project: string | undefined;
  let component: string | undefined;
  let env: string | undefined;
  let gateway = false;
  let gatewayName: string | undefined;
  let reserved: string | undefined;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (typeof label !== 'string') continue;
    if (label.startsWith('reserved:')) {
      // world wins over other reserved labels (e.g. world-ipv4 variants)
      const name = label.slice(9).split('=')[0];
      if (!reserved || name.startsWith('world')) reserved = name;
      continue;
    }
    const colon = label.indexOf(':');
    const eq = label.indexOf('=', colon + 1);
    const key = eq < 0 ? label.slice(colon + 1) : label.slice(colon + 1, eq);
    const value = eq < 0 ? '' : label.slice(eq + 1);
    // cheap first-character test keeps the common non-matching labels fast
    if (key.charCodeAt(0) === 111 /* o */) {
      if (key === PREFIX_NS) ns = value;
      else if (key === PREFIX_PROJECT) project = value;
      else if (key === PREFIX_COMPONENT) component = value;
      else if (key === PREFIX_ENV) env = value;
      else if (key === SYSTEM_COMPONENT) gateway = true;
    } else if (key === OWNING_GATEWAY) {
      gatewayName = value;
    }
  }
  if (ns && project && component && env) {
    return {
      kind: 'component',
      cpNamespace: ns,
      project,
      component,
      environment: env,
    };
  }
  if (gateway) {
    const scope = scopeHint(gatewayName) ?? scopeHint(podName);
    return scope ? { kind: 'gateway', scope } : { kind: 'gateway' };
  }
  if (reserved) {
    return reserved.startsWith('world')
      ? { kind: 'world' }
      : { kind: 'reserved', name: reserved };
  }
  return podName ? { kind: 'pod' } : { kind: 'unknown' };
}

/** Node id of a peer; components and gateways use the cell topology's ids. */
export function flowPeerId(
  identity: FlowIdentity,
  k8sNamespace?: string,
  workloadOrPod?: string,
): string {
  switch (identity.kind) {
    case 'component':
      return cellComponentId(
        identity.cpNamespace,
        identity.project,
        identity.component,
      );
    case 'gateway':
      return identity.scope
        ? cellGatewayId('ingress', identity.scope)
        : 'gateway:ingress';
    case 'world':
      return 'world';
    case 'reserved':
      return `reserved:${identity.name}`;
    case 'pod':
      return `pod:${k8sNamespace ?? ''}/${workloadOrPod ?? ''}`;
    default:
      return 'unknown';
  }
}
