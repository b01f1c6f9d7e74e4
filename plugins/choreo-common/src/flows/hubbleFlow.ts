import { flowPeerId, identityFromLabels } from './flowIdentity';
import {
  FlowEndpoint,
  FlowL4Protocol,
  FlowL7,
  FlowRecord,
  FlowTrafficDirection,
  FlowVerdict,
  FLOW_VERDICTS,
} from './flowRecord';

/**
 * The one intermediate shape both inputs share: a Hubble `flow.Flow` with its
 * proto field names, as `hubble observe -o json` prints it and as
 * `@grpc/proto-loader` decodes it with `keepCase: true`. The two differ only in
 * details handled here: time is an RFC 3339 string or `{seconds, nanos}`,
 * `is_reply` a bool or a `BoolValue` wrapper, enums names or numbers.
 */
export type HubbleFlowLike = Record<string, unknown>;

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Obj)
    : undefined;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
};

// flow.Verdict numbers (proto enum values)
const VERDICT_BY_NUMBER: FlowVerdict[] = [
  'VERDICT_UNKNOWN',
  'FORWARDED',
  'DROPPED',
  'ERROR',
  'AUDIT',
  'REDIRECTED',
  'TRACED',
  'TRANSLATED',
];
const VERDICTS = new Set<string>(FLOW_VERDICTS);

// A few flow.DropReason values by number, for exports that only carry the deprecated `drop_reason`.
const DROP_REASON_BY_NUMBER: Record<number, string> = {
  133: 'POLICY_DENIED',
  158: 'SERVICE_BACKEND_NOT_FOUND',
  181: 'POLICY_DENY',
  189: 'AUTH_REQUIRED',
};

const DIRECTIONS: FlowTrafficDirection[] = ['UNKNOWN', 'INGRESS', 'EGRESS'];
const L7_TYPES: FlowL7['type'][] = ['UNKNOWN', 'REQUEST', 'RESPONSE', 'SAMPLE'];
const L4_PROTOCOLS: FlowL4Protocol[] = [
  'TCP',
  'UDP',
  'SCTP',
  'ICMPv4',
  'ICMPv6',
];

function verdictOf(v: unknown): FlowVerdict {
  if (typeof v === 'string' && VERDICTS.has(v)) return v as FlowVerdict;
  if (typeof v === 'number') return VERDICT_BY_NUMBER[v] ?? 'VERDICT_UNKNOWN';
  return 'VERDICT_UNKNOWN';
}

function enumName<T extends string>(v: unknown, names: T[], fallback: T): T {
  if (typeof v === 'string' && (names as string[]).includes(v)) return v as T;
  if (typeof v === 'number') return names[v] ?? fallback;
  return fallback;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `{seconds, nanos}` or an RFC 3339 string -> [iso, ms]. */
function timeOf(v: unknown): [string, number] | undefined {
  if (typeof v === 'string') {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? undefined : [v, ms];
  }
  const ts = obj(v);
  const seconds = num(ts?.seconds);
  if (seconds === undefined) return undefined;
  const nanos = num(ts?.nanos) ?? 0;
  const ms = seconds * 1000 + Math.floor(nanos / 1e6);
  const iso = new Date(seconds * 1000).toISOString();
  return [`${iso.slice(0, 19)}.${pad(nanos, 9)}Z`, ms];
}

function endpointOf(
  e: Obj | undefined,
  ip: unknown,
  port: number | undefined,
): FlowEndpoint {
  const labels = Array.isArray(e?.labels) ? (e?.labels as string[]) : undefined;
  const pod = str(e?.pod_name);
  const namespace = str(e?.namespace);
  const workloads = Array.isArray(e?.workloads) ? e?.workloads : undefined;
  const workload = str(obj(workloads?.[0])?.name);
  const identity = identityFromLabels(labels, pod);
  const endpoint: FlowEndpoint = {
    id: flowPeerId(identity, namespace, workload ?? pod),
    identity,
  };
  if (namespace) endpoint.namespace = namespace;
  if (pod) endpoint.pod = pod;
  if (workload) endpoint.workload = workload;
  const address = str(ip);
  if (address) endpoint.ip = address;
  if (port !== undefined) endpoint.port = port;
  return endpoint;
}

function pathOf(url: string): string | undefined {
  const scheme = url.indexOf('://');
  const start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  return query < 0 ? url.slice(start) : url.slice(start, query);
}

function l7Of(v: unknown): FlowL7 | undefined {
  const l7 = obj(v);
  if (!l7) return undefined;
  const type = enumName(l7.type, L7_TYPES, 'UNKNOWN');
  const latencyNs = num(l7.latency_ns);
  const latencyMs =
    latencyNs !== undefined && latencyNs > 0 ? latencyNs / 1e6 : undefined;
  const http = obj(l7.http);
  if (http) {
    let grpc = false;
    let grpcStatus: number | undefined;
    const headers = Array.isArray(http.headers) ? http.headers : [];
    for (const h of headers) {
      const key = str(obj(h)?.key)?.toLowerCase();
      const value = str(obj(h)?.value);
      if (key === 'content-type' && value?.startsWith('application/grpc'))
        grpc = true;
      else if (key === 'grpc-status') {
        grpc = true;
        grpcStatus = num(value);
      }
    }
    const url = str(http.url);
    const result: FlowL7 = { type, protocol: grpc ? 'grpc' : 'http' };
    const method = str(http.method);
    if (method) result.method = method;
    if (url) {
      result.url = url;
      result.path = pathOf(url);
    }
    const code = num(http.code);
    if (code) result.statusCode = code;
    if (grpcStatus !== undefined) result.grpcStatus = grpcStatus;
    if (latencyMs !== undefined) result.latencyMs = latencyMs;
    return result;
  }
  const dns = obj(l7.dns);
  if (dns) {
    const result: FlowL7 = { type, protocol: 'dns' };
    const query = str(dns.query);
    if (query) result.dnsQuery = query;
    if (latencyMs !== undefined) result.latencyMs = latencyMs;
    return result;
  }
  if (obj(l7.kafka)) {
    const result: FlowL7 = { type, protocol: 'kafka' };
    if (latencyMs !== undefined) result.latencyMs = latencyMs;
    return result;
  }
  return undefined;
}

/**
 * Converts one Hubble flow (JSON or protobuf-decoded object) to a
 * FlowRecord. Returns a problem, not an exception, when the object is not
 * recognisably a flow.
 */
export function flowRecordFromHubble(
  flow: HubbleFlowLike,
  envelope?: { node_name?: unknown; time?: unknown },
): { record: FlowRecord } | { problem: string } {
  const time = timeOf(flow.time) ?? timeOf(envelope?.time);
  const source = obj(flow.source);
  const destination = obj(flow.destination);
  if (!time) {
    return {
      problem: flow.time
        ? `flow has an unreadable time '${String(flow.time)}'`
        : 'flow has no time',
    };
  }
  if (!source && !destination && flow.verdict === undefined) {
    return {
      problem: 'object has no flow fields (verdict, source, destination)',
    };
  }
  const l4 = obj(flow.l4);
  let protocol: FlowL4Protocol | undefined;
  let ports: Obj | undefined;
  if (l4) {
    for (const p of L4_PROTOCOLS) {
      const body = obj(l4[p]);
      if (body) {
        protocol = p;
        ports = body;
        break;
      }
    }
  }
  const ip = obj(flow.IP);
  const verdict = verdictOf(flow.verdict);
  const record: FlowRecord = {
    time: time[0],
    timeMs: time[1],
    verdict,
    source: endpointOf(source, ip?.source, num(ports?.source_port)),
    destination: endpointOf(
      destination,
      ip?.destination,
      num(ports?.destination_port),
    ),
    trafficDirection: enumName(flow.traffic_direction, DIRECTIONS, 'UNKNOWN'),
  };
  const uuid = str(flow.uuid);
  if (uuid) record.uuid = uuid;
  if (verdict === 'DROPPED') {
    const desc = flow.drop_reason_desc;
    const code = num(desc) ?? num(flow.drop_reason);
    if (typeof desc === 'string') record.dropReason = desc;
    else if (code !== undefined)
      record.dropReason = DROP_REASON_BY_NUMBER[code] ?? `DROP_REASON_${code}`;
  }
  if (protocol) record.protocol = protocol;
  const reply = flow.is_reply;
  if (typeof reply === 'boolean') record.isReply = reply;
  else if (obj(reply)) record.isReply = obj(reply)?.value === true;
  const l7 = l7Of(flow.l7);
  if (l7) record.l7 = l7;
  const nodeName = str(flow.node_name) ?? str(envelope?.node_name);
  if (nodeName) record.nodeName = nodeName;
  const summary = str(flow.Summary);
  if (summary) record.summary = summary;
  return { record };
}

export type FlowDecodeResult =
  | { record: FlowRecord; problem?: undefined }
  /** `ignorable`: a valid Hubble event that is not a flow (lost events, node status). */
  | { record?: undefined; problem: string; ignorable?: boolean };

const NON_FLOW_EVENTS = [
  'lost_events',
  'node_status',
  'agent_event',
  'debug_event',
];

/**
 * Decodes one line of `hubble observe -o json` output or of Hubble's flow
 * export (`{"flow": {...}, "node_name", "time"}`); a bare flow object is
 * accepted too. Never throws.
 */
export function decodeHubbleJsonFlow(
  input: string | unknown,
): FlowDecodeResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { problem: `not JSON: ${(e as Error).message}` };
    }
  }
  const top = obj(value);
  if (!top) return { problem: 'not a JSON object' };
  const flow = obj(top.flow);
  if (flow) {
    const result = flowRecordFromHubble(flow, top);
    return 'record' in result ? result : { problem: result.problem };
  }
  const other = NON_FLOW_EVENTS.find(k => k in top);
  if (other) return { problem: `not a flow (${other})`, ignorable: true };
  const bare = flowRecordFromHubble(top);
  return 'record' in bare ? bare : { problem: bare.problem };
}
