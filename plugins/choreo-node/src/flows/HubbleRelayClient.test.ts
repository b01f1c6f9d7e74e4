import fs from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import {
  decodeHubbleJsonFlow,
  FlowRecord,
} from '@choreo-for-backstage/plugin-choreo-common';
import { eventually } from '../testUtils/eventually';
import { HubbleRelayClient } from './HubbleRelayClient';
import { loadObserverService, timestampFromIso } from './hubbleProto';
import { ACME_FLOWS } from './__testUtils__/sampleOrganization';
import { createTestPki } from './__testUtils__/testCertificates';

type Json = Record<string, any>;

// JSON form -> protobuf object form: timestamps and the BoolValue wrapper differ
function toProtoResponse(line: string): Json {
  const { flow, node_name, time } = JSON.parse(line);
  const proto = { ...flow, time: timestampFromIso(flow.time) };
  if (typeof flow.is_reply === 'boolean')
    proto.is_reply = { value: flow.is_reply };
  return { flow: proto, node_name, time: timestampFromIso(time) };
}

const lines = fs.readFileSync(ACME_FLOWS, 'utf8').trim().split('\n');
const expected: FlowRecord[] = lines.map(
  l => decodeHubbleJsonFlow(l).record as FlowRecord,
);

/** A relay stand-in speaking observer.Observer from the same proto. */
class FakeRelay {
  readonly requests: Json[] = [];
  /** Reported before the flows, as a relay does when its buffers overflowed. */
  lostEvents = 0;
  private server?: grpc.Server;

  /** Streams the flows from `from` (or since the request's `since`) and keeps the stream open. */
  async listen(
    port: number,
    first: number,
    last: number,
    credentials = grpc.ServerCredentials.createInsecure(),
  ): Promise<number> {
    const server = new grpc.Server();
    server.addService(loadObserverService().service, {
      GetFlows: (call: grpc.ServerWritableStream<Json, Json>) => {
        this.requests.push(call.request);
        if (this.lostEvents)
          call.write({
            lost_events: { source: 3, num_events_lost: this.lostEvents },
          });
        const since = call.request.since;
        const sinceMs = since
          ? Number(since.seconds) * 1000 + Math.floor(since.nanos / 1e6)
          : -Infinity;
        lines.slice(first, last).forEach(l => {
          const response = toProtoResponse(l);
          if (Date.parse(JSON.parse(l).flow.time) >= sinceMs)
            call.write(response);
        });
      },
    });
    this.server = server;
    return new Promise((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, credentials, (e, p) =>
        e ? reject(e) : resolve(p),
      ),
    );
  }

  kill() {
    this.server?.forceShutdown();
  }
}

describe('HubbleRelayClient', () => {
  const relays: FakeRelay[] = [];
  let client: HubbleRelayClient | undefined;
  afterEach(async () => {
    await client?.stop();
    relays.splice(0).forEach(r => r.kill());
  });

  it('streams flows over gRPC, survives the relay going away, and resumes without duplicates', async () => {
    const relay = new FakeRelay();
    relays.push(relay);
    const port = await relay.listen(0, 0, 30);
    client = new HubbleRelayClient({
      address: `127.0.0.1:${port}`,
      filter: {
        cpNamespace: 'acme',
        environment: 'development',
        project: 'payments',
      },
      backoff: { initialMs: 50, maxMs: 200 },
    });
    const received: FlowRecord[] = [];
    client.subscribe(r => received.push(r));
    await client.start();
    await eventually(() => expect(received).toHaveLength(30));
    // decoded from protobuf exactly as from the JSON export
    expect(received).toEqual(expected.slice(0, 30));

    const selector =
      'k8s:openchoreo.dev/namespace=acme,k8s:openchoreo.dev/environment=development,k8s:openchoreo.dev/project=payments';
    expect(relay.requests[0]).toEqual({
      follow: true,
      whitelist: [
        { source_label: [selector] },
        { destination_label: [selector] },
      ],
    });

    relay.kill();
    await eventually(() => expect(client?.status().state).toBe('reconnecting'));

    // a new relay on the same address replays from `since`, including the last flow seen
    const again = new FakeRelay();
    relays.push(again);
    again.lostEvents = 7;
    await again.listen(port, 0, lines.length);
    await eventually(() => expect(received).toHaveLength(lines.length));
    expect(received.map(r => r.uuid)).toEqual(expected.map(r => r.uuid));
    expect(again.requests[0].since).toEqual(
      timestampFromIso(expected[29].time),
    );
    expect(client.status()).toMatchObject({
      state: 'streaming',
      received: 76,
      invalid: 0,
    });
    expect(client.status().reconnects).toBeGreaterThanOrEqual(1);
    expect(client.status().lostEvents).toBe(7);
  });

  it('talks mutual TLS, verifying the relay against the CA and the configured server name', async () => {
    const pki = createTestPki('relay.hubble-grpc.cilium.io');
    const relay = new FakeRelay();
    relays.push(relay);
    const port = await relay.listen(
      0,
      0,
      5,
      grpc.ServerCredentials.createSsl(
        pki.ca,
        [{ cert_chain: pki.serverCert, private_key: pki.serverKey }],
        true, // client certificate required
      ),
    );
    client = new HubbleRelayClient({
      address: `127.0.0.1:${port}`,
      tls: {
        ca: pki.ca,
        cert: pki.clientCert,
        key: pki.clientKey,
        serverName: 'relay.hubble-grpc.cilium.io',
      },
    });
    await client.start();
    await eventually(() => expect(client?.recent()).toHaveLength(5));
    expect(relay.requests[0]).toEqual({ follow: true });

    // the same relay under a name its certificate does not carry is refused
    const wrongName = new HubbleRelayClient({
      address: `127.0.0.1:${port}`,
      tls: {
        ca: pki.ca,
        cert: pki.clientCert,
        key: pki.clientKey,
        serverName: 'other.example',
      },
      backoff: { initialMs: 50, maxMs: 50 },
    });
    await wrongName.start();
    try {
      await eventually(() =>
        expect(wrongName.status()).toMatchObject({
          state: 'reconnecting',
          message: expect.stringMatching(/other\.example/),
        }),
      );
      expect(wrongName.recent()).toEqual([]);
    } finally {
      await wrongName.stop();
    }
  }, 30_000);

  it('refuses a client certificate without its key', async () => {
    client = new HubbleRelayClient({
      address: '127.0.0.1:1',
      tls: { cert: 'x' },
    });
    await expect(client.start()).rejects.toThrow(
      /both a client certificate and its key/,
    );
  });
});
