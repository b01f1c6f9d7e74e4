import { readFileSync } from 'node:fs';
import { Organization } from './organization';

/** The parts of a Hubble flow (cilium api/v1/flow/flow.proto, protojson names) the checks read. */
interface FlowEndpoint {
  ID?: number;
  identity?: number;
  namespace?: string;
  labels?: string[];
  pod_name?: string;
  workloads?: Array<{ name: string; kind: string }>;
}
interface Flow {
  time?: string;
  verdict?: string;
  drop_reason_desc?: string;
  Type?: string;
  IP?: { source: string; destination: string };
  l4?: {
    TCP?: { source_port: number; destination_port: number };
    UDP?: { source_port: number; destination_port: number };
  };
  l7?: {
    type?: string;
    http?: {
      code?: number;
      method?: string;
      url?: string;
      protocol?: string;
      headers?: Array<{ key: string; value: string }>;
    };
  };
  source?: FlowEndpoint;
  destination?: FlowEndpoint;
  traffic_direction?: string;
  is_reply?: boolean;
}
interface FlowLine {
  flow?: Flow;
  node_name?: string;
  time?: string;
}

const VERDICTS = [
  'FORWARDED',
  'DROPPED',
  'ERROR',
  'AUDIT',
  'REDIRECTED',
  'TRACED',
  'TRANSLATED',
];

const label = (ep: FlowEndpoint | undefined, key: string) =>
  ep?.labels
    ?.find(l => l.startsWith(`k8s:${key}=`))
    ?.slice(`k8s:${key}=`.length);

export interface FlowStats {
  lines: number;
  byEnvironment: Record<string, number>;
  droppedPolicyDenied: Array<{ from: string; to: string }>;
  l7Http: number;
  grpc: number;
  fromWorld: number;
  throughGateway: number;
  undeclaredForwarded: Array<{ from: string; to: string }>;
}

/** Parses flows.jsonl line by line and checks it against the organization. */
export function checkFlows(
  file: string,
  org: Organization,
  cpNamespace: string,
): { problems: string[]; stats: FlowStats } {
  const problems: string[] = [];
  const stats: FlowStats = {
    lines: 0,
    byEnvironment: {},
    droppedPolicyDenied: [],
    l7Http: 0,
    grpc: 0,
    fromWorld: 0,
    throughGateway: 0,
    undeclaredForwarded: [],
  };
  const cells = org.cells();
  const gatewayNamespaces = new Set(
    org
      .all('DataPlane')
      .flatMap(d => [
        d.object.spec.gateway?.ingress?.external?.namespace,
        d.object.spec.gateway?.ingress?.internal?.namespace,
      ]),
  );
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    const at = `flows.jsonl:${i + 1}`;
    let line: FlowLine;
    try {
      line = JSON.parse(text);
    } catch (e) {
      problems.push(`${at}: not JSON: ${(e as Error).message}`);
      return;
    }
    stats.lines++;
    const f = line.flow;
    if (!f || !line.time || !line.node_name || !f.time) {
      problems.push(
        `${at}: expected {"flow": {...}, "node_name", "time"} as hubble observe -o json prints it`,
      );
      return;
    }
    if (!VERDICTS.includes(f.verdict ?? ''))
      problems.push(`${at}: unknown verdict ${f.verdict}`);
    if (!['L3_L4', 'L7'].includes(f.Type ?? ''))
      problems.push(`${at}: Type should be L3_L4 or L7`);

    // Which component pod is on each side, checked against the cells the organization declares.
    const side = (ep: FlowEndpoint | undefined, name: string) => {
      if (!ep?.namespace) {
        if (ep?.labels?.includes('reserved:world'))
          return { world: true as const };
        problems.push(
          `${at}: ${name} has neither a namespace nor reserved:world`,
        );
        return undefined;
      }
      if (label(ep, 'io.kubernetes.pod.namespace') !== ep.namespace)
        problems.push(
          `${at}: ${name} pod namespace label disagrees with namespace`,
        );
      if (gatewayNamespaces.has(ep.namespace)) {
        if (label(ep, 'openchoreo.dev/system-component') === undefined)
          problems.push(
            `${at}: gateway ${name} lacks openchoreo.dev/system-component`,
          );
        return { gateway: true as const };
      }
      const cell = cells.get(ep.namespace);
      const component = label(ep, 'openchoreo.dev/component');
      if (!cell) {
        problems.push(
          `${at}: ${name} namespace ${ep.namespace} is not a cell namespace of the organization`,
        );
        return undefined;
      }
      if (
        label(ep, 'openchoreo.dev/project') !== cell.project ||
        label(ep, 'openchoreo.dev/environment') !== cell.environment ||
        label(ep, 'openchoreo.dev/namespace') !== cpNamespace
      ) {
        problems.push(
          `${at}: ${name} openchoreo.dev labels do not match cell ${ep.namespace} (${cell.project}/${cell.environment})`,
        );
      }
      if (
        org.find('Component', component)?.spec.owner.projectName !==
        cell.project
      ) {
        problems.push(
          `${at}: ${name} component ${component} is not in project ${cell.project}`,
        );
      }
      return { component: component ?? '', ...cell };
    };
    const src = side(f.source, 'source');
    const dst = side(f.destination, 'destination');
    if (!src || !dst) return;
    const cellSide = 'environment' in dst ? dst : src;
    const env = 'environment' in cellSide ? cellSide.environment : 'gateway';
    stats.byEnvironment[env] = (stats.byEnvironment[env] ?? 0) + 1;
    if ('world' in src) stats.fromWorld++;
    if ('gateway' in src && 'component' in dst) stats.throughGateway++;
    const http = f.l7?.http;
    if (f.Type === 'L7' && http) {
      stats.l7Http++;
      if (
        http.headers?.some(
          h =>
            h.key === 'content-type' && h.value.startsWith('application/grpc'),
        )
      )
        stats.grpc++;
    }
    if (
      f.is_reply ||
      f.traffic_direction !== 'INGRESS' ||
      !('component' in dst)
    )
      return;

    // Would the generated CiliumNetworkPolicy let this through? (OPENCHOREO.md section 4)
    const port = f.l4?.TCP?.destination_port ?? f.l4?.UDP?.destination_port;
    const endpoint = Object.values(
      org.boundWorkload(dst.component, dst.environment)?.endpoints ?? {},
    ).find(e => (e.targetPort ?? e.port) === port);
    if (!endpoint) {
      problems.push(
        `${at}: ${dst.component} in ${dst.environment} has no endpoint on port ${port}`,
      );
      return;
    }
    const visibility = endpoint.visibility ?? [];
    const allowed =
      ('component' in src &&
        src.project === dst.project &&
        src.environment === dst.environment) ||
      ('component' in src &&
        src.environment === dst.environment &&
        visibility.includes('namespace')) ||
      ('gateway' in src &&
        (visibility.includes('internal') || visibility.includes('external')));
    const pair = {
      from: 'component' in src ? `${src.project}/${src.component}` : 'gateway',
      to: `${dst.project}/${dst.component}`,
    };
    if (f.verdict === 'DROPPED' && f.drop_reason_desc === 'POLICY_DENIED') {
      if (allowed)
        problems.push(
          `${at}: ${pair.from} -> ${pair.to} is dropped although the network policy allows it`,
        );
      if (
        !stats.droppedPolicyDenied.some(
          d => d.from === pair.from && d.to === pair.to,
        )
      )
        stats.droppedPolicyDenied.push(pair);
    } else if (f.verdict === 'FORWARDED') {
      if (!allowed)
        problems.push(
          `${at}: ${pair.from} -> ${pair.to} is forwarded although the network policy denies it`,
        );
      const declared =
        'component' in src &&
        (
          org.boundWorkload(src.component, src.environment)?.dependencies
            ?.endpoints ?? []
        ).some(d => d.component === dst.component);
      if (
        'component' in src &&
        !declared &&
        !stats.undeclaredForwarded.some(
          d => d.from === pair.from && d.to === pair.to,
        )
      ) {
        stats.undeclaredForwarded.push(pair);
      }
    }
  });
  return { problems, stats };
}
