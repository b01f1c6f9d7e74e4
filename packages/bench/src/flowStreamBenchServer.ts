/**
 * Server half of the SSE figures of `yarn bench:flows` (packages/bench forks
 * it): the real choreo backend over examples/acme with a flow source the
 * bench drives. The client reports how many flows it has read; the source
 * keeps at most CREDIT flows in flight, so it pushes as fast as the client
 * drains without outrunning the per-client buffer.
 */
import { AddressInfo } from 'node:net';
import {
  createBackendModule,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  FlowIdentity,
  FlowRecord,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  FlowBuffer,
  choreoFlowSourceExtensionPoint,
} from '@choreo-for-backstage/plugin-choreo-node';
import choreoPlugin from '@choreo-for-backstage/plugin-choreo-backend';

const CREDIT = 500;

const component = (name: string): FlowIdentity => ({
  kind: 'component',
  cpNamespace: 'acme',
  project: 'payments',
  component: name,
  environment: 'development',
});

function syntheticFlow(i: number, t0: number): FlowRecord {
  const timeMs = t0 + i;
  return {
    time: new Date(timeMs).toISOString(),
    timeMs,
    uuid: `bench-${i}`,
    verdict: i % 10 === 0 ? 'DROPPED' : 'FORWARDED',
    ...(i % 10 === 0 ? { dropReason: 'POLICY_DENIED' } : {}),
    source: {
      id: 'component:acme/payments/checkout-api',
      identity: component('checkout-api'),
      namespace: 'dp-acme-payments-development-1a2b3c4d',
      pod: 'checkout-api-7d9f8c6b5-x2k4p',
      ip: '10.244.1.17',
      port: 40000 + (i % 20000),
    },
    destination: {
      id: 'component:acme/payments/payment-gateway',
      identity: component('payment-gateway'),
      namespace: 'dp-acme-payments-development-1a2b3c4d',
      pod: 'payment-gateway-5c8d7f9b4-q8w2n',
      ip: '10.244.2.9',
      port: 9090,
    },
    protocol: 'TCP',
    trafficDirection: 'EGRESS',
    isReply: false,
    l7: {
      type: 'REQUEST',
      protocol: 'http',
      method: 'POST',
      url: 'http://payment-gateway:9090/payments.v1.Gateway/Authorize',
      path: '/payments.v1.Gateway/Authorize',
    },
    nodeName: 'acme-eu-west-1-worker-a',
  };
}

async function main() {
  const total = Number(process.env.BENCH_SSE_FLOWS ?? 100_000);
  const buffer = new FlowBuffer(1000);
  let sent = 0;
  const source = {
    start: async () => undefined,
    stop: async () => undefined,
    subscribe: buffer.subscribe.bind(buffer),
    recent: buffer.recent.bind(buffer),
    status: () => ({
      type: 'file' as const,
      state: 'streaming' as const,
      since: new Date().toISOString(),
      received: sent,
      invalid: 0,
      problems: [],
    }),
  };
  const backend = await startTestBackend({
    features: [
      choreoPlugin,
      createBackendModule({
        pluginId: 'choreo',
        moduleId: 'bench-flows',
        register(env) {
          env.registerInit({
            deps: { flows: choreoFlowSourceExtensionPoint },
            async init({ flows }) {
              flows.setFlowSource(source);
            },
          });
        },
      }),
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          choreo: {
            sources: [
              {
                type: 'directory',
                name: 'acme',
                path: resolvePackagePath(
                  '@choreo-for-backstage/plugin-choreo-backend',
                  '../../examples/acme',
                ),
              },
            ],
          },
        },
      }),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const t0 = Date.now();
  let received = 0;
  let scheduled = false;
  // push up to the credit the client left; yield to the event loop between batches
  const pump = () => {
    scheduled = false;
    const limit = Math.min(total, received + CREDIT);
    while (sent < limit) buffer.push(syntheticFlow(sent++, t0));
  };
  process.on('message', (m: { type?: string; received?: number }) => {
    if (m?.type === 'received') {
      received = m.received ?? received;
      if (!scheduled) {
        scheduled = true;
        setImmediate(pump);
      }
    } else if (m?.type === 'stop') {
      backend.stop().then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'bench-ready', port, total });
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
