import {
  FlowEndpoint,
  FlowRecord,
} from '@choreo-for-backstage/plugin-choreo-common';

/** Who a flow's peer is, in the words of the people who own the components. */
export function endpointLabel(endpoint: FlowEndpoint): string {
  const identity = endpoint.identity;
  switch (identity.kind) {
    case 'component':
      return `${identity.project}/${identity.component}`;
    case 'gateway':
      return identity.scope ? `${identity.scope} gateway` : 'gateway';
    case 'world':
      return endpoint.ip ? `world (${endpoint.ip})` : 'world';
    case 'reserved':
      return identity.name;
    case 'pod': {
      const workload = endpoint.workload ?? endpoint.pod ?? 'pod';
      return endpoint.namespace
        ? `${endpoint.namespace}/${workload}`
        : workload;
    }
    default:
      return endpoint.ip ?? 'unknown';
  }
}

/**
 * `:8080` on the serving side of a flow (the destination of a request, the
 * source of a reply): that port tells which endpoint was called, while the
 * client's is an ephemeral port nobody needs.
 */
export function portSuffix(
  flow: FlowRecord,
  side: 'source' | 'destination',
): string {
  const serving = flow.isReply ? 'source' : 'destination';
  const port = flow[side].port;
  return side === serving && port ? `:${port}` : '';
}

/** The application-level part of a flow: `GET /cart → 200`, `DNS shop.example.com`, … */
export function l7Summary(flow: FlowRecord): string | undefined {
  const l7 = flow.l7;
  if (!l7) return undefined;
  if (l7.protocol === 'dns') {
    return l7.dnsQuery ? `DNS ${l7.dnsQuery}` : 'DNS';
  }
  const request = [l7.method, l7.path ?? l7.url].filter(Boolean).join(' ');
  let status: string | undefined;
  if (l7.statusCode !== undefined) status = String(l7.statusCode);
  else if (l7.grpcStatus !== undefined) status = `grpc-status ${l7.grpcStatus}`;
  const text = [request || l7.protocol.toUpperCase(), status]
    .filter(Boolean)
    .join(' → ');
  if (l7.latencyMs === undefined) return text;
  // Hubble reports nanosecond latencies; a person reads two digits
  const ms =
    l7.latencyMs < 10 ? l7.latencyMs.toFixed(1) : Math.round(l7.latencyMs);
  return `${text} (${ms} ms)`;
}

/**
 * `2026-08-24 09:20:00.003` from Hubble's RFC 3339 time, in UTC: flow logs
 * from a cluster are read against other UTC logs, and the nanoseconds Hubble
 * keeps are noise in a table.
 */
export function flowTime(flow: FlowRecord): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,3})?/.exec(
    flow.time,
  );
  if (match) return `${match[1]} ${match[2]}${match[3] ?? ''}`;
  return new Date(flow.timeMs).toISOString().replace('T', ' ').slice(0, 23);
}

/** Why a flow was dropped, readable: `POLICY_DENIED` → `Policy denied`. */
export function dropReasonText(reason: string | undefined): string | undefined {
  if (!reason) return undefined;
  const words = reason.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
