/** Builders for Hubble JSON flows shaped like `hubble observe -o json` output. */

export const componentLabels = (
  project: string,
  component: string,
  environment = 'development',
  namespace = 'acme',
) => [
  `k8s:io.cilium.k8s.namespace.labels.openchoreo.dev/project=${project}`,
  'k8s:io.cilium.k8s.policy.cluster=default',
  `k8s:openchoreo.dev/component=${component}`,
  `k8s:openchoreo.dev/environment=${environment}`,
  `k8s:openchoreo.dev/namespace=${namespace}`,
  `k8s:openchoreo.dev/project=${project}`,
];

export const componentEndpoint = (
  project: string,
  component: string,
  environment = 'development',
) => ({
  ID: 100,
  identity: 30000,
  namespace: `dp-acme-${project}-${environment}-00000000`,
  labels: componentLabels(project, component, environment),
  pod_name: `${component}-${environment}-abc-123`,
  workloads: [{ name: `${component}-${environment}-abc`, kind: 'Deployment' }],
});

export const gatewayEndpoint = (scope: 'external' | 'internal') => ({
  ID: 211,
  identity: 4721,
  namespace: 'openchoreo-data-plane',
  labels: [
    `k8s:gateway.envoyproxy.io/owning-gateway-name=gateway-${scope}`,
    'k8s:io.kubernetes.pod.namespace=openchoreo-data-plane',
    'k8s:openchoreo.dev/system-component=gateway',
  ],
  pod_name: `envoy-gateway-${scope}-559cc79594-pdqb6`,
});

export const worldEndpoint = { identity: 2, labels: ['reserved:world'] };

interface FlowOptions {
  time?: string;
  verdict?: string;
  source: object;
  destination: object;
  sport?: number;
  dport: number;
  reply?: boolean;
  l7?: object;
  drop?: boolean;
}

let counter = 0;

export function hubbleFlow(o: FlowOptions) {
  counter++;
  const flow: Record<string, unknown> = {
    time:
      o.time ??
      `2026-08-24T09:20:${String(counter % 60).padStart(2, '0')}.000000001Z`,
    uuid: `00000000-0000-0000-0000-${String(counter).padStart(12, '0')}`,
    verdict: o.verdict ?? (o.drop ? 'DROPPED' : 'FORWARDED'),
    IP: { source: '10.0.0.1', destination: '10.0.0.2', ipVersion: 'IPv4' },
    l4: {
      TCP: { source_port: o.sport ?? 40000, destination_port: o.dport },
    },
    source: o.source,
    destination: o.destination,
    Type: o.l7 ? 'L7' : 'L3_L4',
    node_name: 'worker-a',
    traffic_direction: 'INGRESS',
    is_reply: o.reply ?? false,
  };
  if (o.drop) {
    flow.drop_reason = 133;
    flow.drop_reason_desc = 'POLICY_DENIED';
  }
  if (o.l7) flow.l7 = o.l7;
  return { flow, node_name: 'worker-a', time: flow.time };
}

/** A request and its response, as Hubble reports an L7 HTTP call. */
export function httpCall(
  source: object,
  destination: object,
  port: number,
  code = 200,
  grpc = false,
) {
  const url = grpc
    ? 'http://svc:9090/acme.v1.Svc/Do'
    : 'http://svc:8080/items?x=1';
  return [
    hubbleFlow({
      source,
      destination,
      dport: port,
      l7: {
        type: 'REQUEST',
        http: {
          method: grpc ? 'POST' : 'GET',
          url,
          protocol: grpc ? 'HTTP/2' : 'HTTP/1.1',
          headers: grpc
            ? [{ key: 'content-type', value: 'application/grpc' }]
            : [],
        },
      },
    }),
    hubbleFlow({
      source: destination,
      destination: source,
      sport: port,
      dport: 40000,
      reply: true,
      l7: {
        type: 'RESPONSE',
        latency_ns: '12500000',
        http: {
          code,
          method: grpc ? 'POST' : 'GET',
          url,
          protocol: grpc ? 'HTTP/2' : 'HTTP/1.1',
          headers: grpc ? [{ key: 'grpc-status', value: '0' }] : [],
        },
      },
    }),
  ];
}
