import { resolvePackagePath } from '@backstage/backend-plugin-api';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

/**
 * How the protobuf messages become JS objects: proto field names kept and
 * enums as names, so a decoded `flow.Flow` has the same shape as the JSON
 * `hubble observe -o json` prints, and one converter handles both.
 */
export const HUBBLE_PROTO_LOADER_OPTIONS: protoLoader.Options = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: false,
  oneofs: true,
};

/** The directory holding our flow/flow.proto and observer/observer.proto. */
export function hubbleProtoDir(): string {
  return resolvePackagePath(
    '@choreo-for-backstage/plugin-choreo-node',
    'proto',
  );
}

let cached: grpc.ServiceClientConstructor | undefined;

/** The `observer.Observer` service (client constructor; `.service` for servers). */
export function loadObserverService(): grpc.ServiceClientConstructor {
  if (!cached) {
    const definition = protoLoader.loadSync('observer/observer.proto', {
      ...HUBBLE_PROTO_LOADER_OPTIONS,
      includeDirs: [hubbleProtoDir()],
    });
    const loaded = grpc.loadPackageDefinition(definition) as unknown as {
      observer: { Observer: grpc.ServiceClientConstructor };
    };
    cached = loaded.observer.Observer;
  }
  return cached;
}

/** RFC 3339 (nanosecond precision kept) -> google.protobuf.Timestamp. */
export function timestampFromIso(
  iso: string,
): { seconds: string; nanos: number } | undefined {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? '';
  const nanos = Number(fraction.padEnd(9, '0').slice(0, 9));
  return { seconds: String(Math.floor(ms / 1000)), nanos };
}
