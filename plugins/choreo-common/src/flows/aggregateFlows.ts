import {
  FlowCellFilter,
  FlowIdentity,
  FlowL4Protocol,
  FlowL7Protocol,
  FlowRecord,
  flowMatchesCell,
} from './flowRecord';

export interface FlowWindow {
  /** Inclusive lower bound, ms since the epoch. */
  sinceMs?: number;
  /** Exclusive upper bound, ms since the epoch. */
  untilMs?: number;
}

export interface FlowVerdictCounts {
  forwarded: number;
  dropped: number;
  error: number;
  audit: number;
  /** REDIRECTED, TRACED, TRANSLATED and unknown. */
  other: number;
}

/** Observed traffic from a client peer to a server peer's port. */
export interface FlowEdge {
  /** `{from}->{to}:{port}` plus `@{environment}` when a component side has one. */
  id: string;
  /** Client peer id (`FlowEndpoint.id`): replies are folded onto their request. */
  from: string;
  to: string;
  fromIdentity: FlowIdentity;
  toIdentity: FlowIdentity;
  environment?: string;
  /** Server port (destination port of requests). */
  port?: number;
  protocol?: FlowL4Protocol;
  flows: number;
  verdicts: FlowVerdictCounts;
  dropReasons: Record<string, number>;
  /** L7 events by protocol. */
  l7: Partial<Record<FlowL7Protocol, number>>;
  /** HTTP status codes of responses (gRPC included, as HTTP reports them). */
  httpStatus: Record<string, number>;
  /** `grpc-status` of gRPC responses. */
  grpcStatus: Record<string, number>;
  firstSeen: string;
  lastSeen: string;
}

export interface FlowAggregate {
  window: FlowWindow;
  /** Flows counted (inside the window and filter). */
  flows: number;
  edges: FlowEdge[];
}

export interface AggregateFlowsOptions {
  window?: FlowWindow;
  /** Keep only flows whose source or destination is in this cell. */
  filter?: FlowCellFilter;
}

const byId = (a: { id: string }, b: { id: string }) => {
  if (a.id === b.id) return 0;
  return a.id < b.id ? -1 : 1;
};

class EdgeAccumulator {
  flows = 0;
  forwarded = 0;
  dropped = 0;
  error = 0;
  audit = 0;
  other = 0;
  dropReasons?: Map<string, number>;
  l7?: Map<FlowL7Protocol, number>;
  httpStatus?: Map<number, number>;
  grpcStatus?: Map<number, number>;
  firstMs = Infinity;
  first = '';
  lastMs = -Infinity;
  last = '';
  constructor(
    readonly from: string,
    readonly to: string,
    readonly fromIdentity: FlowIdentity,
    readonly toIdentity: FlowIdentity,
    readonly environment: string,
    readonly port: number,
    readonly protocol: FlowL4Protocol | undefined,
  ) {}
}

const bump = <K>(map: Map<K, number>, key: K) =>
  map.set(key, (map.get(key) ?? 0) + 1);

const record = <K extends string | number>(map?: Map<K, number>) => {
  const out: Record<string, number> = {};
  map?.forEach((n, k) => {
    out[String(k)] = n;
  });
  return out;
};

/**
 * Incremental aggregation of flows into edges. This is the hot path (a busy
 * relay streams hundreds of thousands of flows per second), so it allocates
 * nothing per flow once an edge exists: edges live in nested maps keyed by
 * the peer ids the decoder already built, not by a concatenated key.
 */
export class FlowAggregator {
  private readonly byClient = new Map<
    string,
    Map<string, Map<number, Map<string, EdgeAccumulator>>>
  >();
  private readonly window: FlowWindow;
  private readonly filter?: FlowCellFilter;
  private count = 0;

  constructor(options: AggregateFlowsOptions = {}) {
    this.window = options.window ?? {};
    this.filter = options.filter;
  }

  get flows(): number {
    return this.count;
  }

  /** Counts one flow; false when it is outside the window or filter. */
  add(flow: FlowRecord): boolean {
    const { sinceMs, untilMs } = this.window;
    if (sinceMs !== undefined && flow.timeMs < sinceMs) return false;
    if (untilMs !== undefined && flow.timeMs >= untilMs) return false;
    if (this.filter && !flowMatchesCell(flow, this.filter)) return false;

    // replies belong to the request's edge: client -> server:port
    const reply = flow.isReply === true;
    const client = reply ? flow.destination : flow.source;
    const server = reply ? flow.source : flow.destination;
    const port = server.port ?? -1;
    const si = server.identity;
    const ci = client.identity;
    let env = '';
    if (si.kind === 'component') env = si.environment;
    else if (ci.kind === 'component') env = ci.environment;

    let byServer = this.byClient.get(client.id);
    if (!byServer) {
      byServer = new Map();
      this.byClient.set(client.id, byServer);
    }
    let byPort = byServer.get(server.id);
    if (!byPort) {
      byPort = new Map();
      byServer.set(server.id, byPort);
    }
    let byEnv = byPort.get(port);
    if (!byEnv) {
      byEnv = new Map();
      byPort.set(port, byEnv);
    }
    let edge = byEnv.get(env);
    if (!edge) {
      edge = new EdgeAccumulator(
        client.id,
        server.id,
        ci,
        si,
        env,
        port,
        flow.protocol,
      );
      byEnv.set(env, edge);
    }

    edge.flows++;
    switch (flow.verdict) {
      case 'FORWARDED':
        edge.forwarded++;
        break;
      case 'DROPPED':
        edge.dropped++;
        if (flow.dropReason)
          bump((edge.dropReasons ??= new Map()), flow.dropReason);
        break;
      case 'ERROR':
        edge.error++;
        break;
      case 'AUDIT':
        edge.audit++;
        break;
      default:
        edge.other++;
    }
    const l7 = flow.l7;
    if (l7) {
      bump((edge.l7 ??= new Map()), l7.protocol);
      if (l7.statusCode !== undefined)
        bump((edge.httpStatus ??= new Map()), l7.statusCode);
      if (l7.grpcStatus !== undefined)
        bump((edge.grpcStatus ??= new Map()), l7.grpcStatus);
    }
    if (flow.timeMs < edge.firstMs) {
      edge.firstMs = flow.timeMs;
      edge.first = flow.time;
    }
    if (flow.timeMs >= edge.lastMs) {
      edge.lastMs = flow.timeMs;
      edge.last = flow.time;
    }
    this.count++;
    return true;
  }

  /** The aggregate so far, edges sorted by id. */
  result(): FlowAggregate {
    const edges: FlowEdge[] = [];
    for (const byServer of this.byClient.values())
      for (const byPort of byServer.values())
        for (const byEnv of byPort.values())
          for (const e of byEnv.values()) edges.push(toEdge(e));
    edges.sort(byId);
    return { window: { ...this.window }, flows: this.count, edges };
  }
}

function toEdge(e: EdgeAccumulator): FlowEdge {
  const port = e.port >= 0 ? e.port : undefined;
  const id = `${e.from}->${e.to}:${port ?? '*'}${
    e.environment ? `@${e.environment}` : ''
  }`;
  const edge: FlowEdge = {
    id,
    from: e.from,
    to: e.to,
    fromIdentity: e.fromIdentity,
    toIdentity: e.toIdentity,
    flows: e.flows,
    verdicts: {
      forwarded: e.forwarded,
      dropped: e.dropped,
      error: e.error,
      audit: e.audit,
      other: e.other,
    },
    dropReasons: record(e.dropReasons),
    l7: record(e.l7),
    httpStatus: record(e.httpStatus),
    grpcStatus: record(e.grpcStatus),
    firstSeen: e.first,
    lastSeen: e.last,
  };
  if (e.environment) edge.environment = e.environment;
  if (port !== undefined) edge.port = port;
  if (e.protocol) edge.protocol = e.protocol;
  return edge;
}

/** Aggregates flows into edges with counts by verdict, drop reason, L7 protocol and status. */
export function aggregateFlows(
  records: Iterable<FlowRecord>,
  options: AggregateFlowsOptions = {},
): FlowAggregate {
  const aggregator = new FlowAggregator(options);
  for (const r of records) aggregator.add(r);
  return aggregator.result();
}
