import * as grpc from '@grpc/grpc-js';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  FlowCellFilter,
  flowRecordFromHubble,
  hubbleCellSelector,
} from '@choreo-for-backstage/plugin-choreo-common';
import { FlowSourceStatus } from './FlowBuffer';
import { BufferedFlowSource } from './BufferedFlowSource';
import { loadObserverService, timestampFromIso } from './hubbleProto';

export interface HubbleTlsOptions {
  /** PEM CA bundle that signed the relay's certificate; system roots when absent. */
  ca?: string | Buffer;
  /** PEM client certificate and key, for relays that require mTLS. */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Name to verify the certificate against, e.g. `*.hubble-relay.cilium.io`. */
  serverName?: string;
}

export interface HubbleRelayClientOptions {
  /** `host:port` of hubble-relay, e.g. `hubble-relay.kube-system:4245`. */
  address: string;
  /** TLS settings; plaintext when absent. */
  tls?: HubbleTlsOptions;
  /** Only flows of this cell (source OR destination), as OpenChoreo filters. */
  filter?: FlowCellFilter;
  /** How many of the latest flows to keep. Default 10,000. */
  bufferSize?: number;
  /** Reconnect delays: doubles from `initialMs` up to `maxMs`. Defaults 500 ms and 30 s. */
  backoff?: { initialMs?: number; maxMs?: number };
  logger?: LoggerService;
}

type FlowsResponse = {
  flow?: Record<string, unknown>;
  lost_events?: { num_events_lost?: string | number };
  node_name?: string;
  time?: unknown;
};

/** The client proto-loader generates for `observer.Observer`. */
interface ObserverClient extends grpc.Client {
  GetFlows(
    request: Record<string, unknown>,
  ): grpc.ClientReadableStream<FlowsResponse>;
}

/** The GetFlows request OpenChoreo's cluster-agent sends: follow, source OR destination in the cell. */
export function hubbleGetFlowsRequest(
  filter: FlowCellFilter | undefined,
  since?: string,
): Record<string, unknown> {
  const request: Record<string, unknown> = { follow: true };
  if (filter) {
    const selector = hubbleCellSelector(filter);
    request.whitelist = [
      { source_label: [selector] },
      { destination_label: [selector] },
    ];
  }
  const ts = since ? timestampFromIso(since) : undefined;
  if (ts) request.since = ts;
  return request;
}

/**
 * Follows hubble-relay's `observer.Observer/GetFlows`. When the stream ends
 * or fails it reconnects with exponential backoff, asking for flows since
 * the last one it saw and dropping the ones it already has.
 */
export class HubbleRelayClient extends BufferedFlowSource {
  private readonly options: HubbleRelayClientOptions;
  private client?: ObserverClient;
  private call?: grpc.ClientReadableStream<FlowsResponse>;
  private generation = 0;
  private attempt = 0;
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private reconnects = 0;
  private lost = 0;
  private lastTime?: string;
  private lastMs = -Infinity;
  private lastUuids = new Set<string>();

  constructor(options: HubbleRelayClientOptions) {
    super({
      type: 'hubble-relay',
      bufferSize: options.bufferSize,
      warnOn: 'reconnecting',
      logger: options.logger,
    });
    this.options = options;
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    const credentials = this.credentials();
    this.stopped = false;
    const Observer = loadObserverService();
    const channelOptions: grpc.ChannelOptions = {};
    if (this.options.tls?.serverName) {
      channelOptions['grpc.ssl_target_name_override'] =
        this.options.tls.serverName;
      channelOptions['grpc.default_authority'] = this.options.tls.serverName;
    }
    this.client = new Observer(
      this.options.address,
      credentials,
      channelOptions,
    ) as unknown as ObserverClient;
    this.setState('starting');
    this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.generation++;
    clearTimeout(this.timer);
    this.call?.cancel();
    this.call = undefined;
    this.client?.close();
    this.client = undefined;
    this.setState('stopped');
  }

  override status(): FlowSourceStatus {
    return {
      ...super.status(),
      reconnects: this.reconnects,
      lostEvents: this.lost,
    };
  }

  private credentials(): grpc.ChannelCredentials {
    const tls = this.options.tls;
    if (!tls) return grpc.credentials.createInsecure();
    const buf = (v?: string | Buffer) =>
      v === undefined ? null : Buffer.from(v);
    if (!tls.cert !== !tls.key) {
      throw new Error(
        'Hubble relay TLS needs both a client certificate and its key, or neither',
      );
    }
    return grpc.credentials.createSsl(buf(tls.ca), buf(tls.key), buf(tls.cert));
  }

  private open() {
    const client = this.client;
    if (!client || this.stopped) return;
    const generation = ++this.generation;
    const request = hubbleGetFlowsRequest(this.options.filter, this.lastTime);
    const call = client.GetFlows(request);
    this.call = call;
    call.on('data', (response: FlowsResponse) => {
      if (generation !== this.generation) return;
      if (this.state !== 'streaming') this.setState('streaming');
      this.attempt = 0;
      if (response.flow) this.receive(response);
      else if (response.lost_events)
        this.lost += Number(response.lost_events.num_events_lost ?? 0) || 0;
    });
    call.on('error', (e: grpc.ServiceError) => {
      if (generation !== this.generation || this.stopped) return;
      this.retry(`Hubble relay stream failed: ${e.details || e.message}`);
    });
    call.on('end', () => {
      if (generation !== this.generation || this.stopped) return;
      this.retry('Hubble relay ended the flow stream');
    });
  }

  private receive(response: FlowsResponse) {
    const result = flowRecordFromHubble(
      response.flow as Record<string, unknown>,
      response,
    );
    if ('problem' in result) {
      this.reject({ message: result.problem });
      return;
    }
    const r = result.record;
    // after a reconnect `since` repeats the last flows we saw
    if (r.timeMs < this.lastMs) return;
    if (r.timeMs === this.lastMs && r.uuid && this.lastUuids.has(r.uuid))
      return;
    if (r.timeMs > this.lastMs) {
      this.lastMs = r.timeMs;
      this.lastUuids = new Set();
    }
    if (r.uuid) this.lastUuids.add(r.uuid);
    this.lastTime = r.time;
    this.accept(r);
  }

  private retry(message: string) {
    this.generation++;
    this.call?.cancel();
    this.call = undefined;
    const initial = this.options.backoff?.initialMs ?? 500;
    const max = this.options.backoff?.maxMs ?? 30_000;
    const delay = Math.min(max, initial * 2 ** this.attempt);
    this.attempt++;
    this.reconnects++;
    this.report({ message });
    this.setState('reconnecting', `${message}; retrying in ${delay} ms`);
    this.timer = setTimeout(() => this.open(), delay);
  }
}
