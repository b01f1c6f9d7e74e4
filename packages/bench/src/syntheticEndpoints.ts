import {
  EndpointType,
  EndpointVisibility,
  WorkloadEndpoint,
} from '@choreo-for-backstage/plugin-choreo-common';
import { SeededRandom } from '@choreo-for-backstage/plugin-choreo-node/testUtils';

/**
 * Endpoints of synthetic Workloads: the mix of types and visibilities a
 * larger organization has (mostly HTTP, then gRPC, some GraphQL, websockets
 * and plain TCP/UDP ports), a published schema on part of them.
 */

interface EndpointKind {
  /** Endpoint name in the Workload; unique within one Workload. */
  name: string;
  type: EndpointType;
  port: number;
}

const PRIMARY: ReadonlyArray<readonly [EndpointKind, number]> = [
  [{ name: 'api', type: 'HTTP', port: 8080 }, 55],
  [{ name: 'grpc', type: 'gRPC', port: 9090 }, 25],
  [{ name: 'graphql', type: 'GraphQL', port: 4000 }, 10],
  [{ name: 'ws', type: 'Websocket', port: 8081 }, 5],
  [{ name: 'tcp', type: 'TCP', port: 5000 }, 5],
];

const SECONDARY: readonly EndpointKind[] = [
  { name: 'metrics', type: 'TCP', port: 9100 },
  { name: 'admin', type: 'HTTP', port: 8090 },
  { name: 'events', type: 'Websocket', port: 8082 },
  { name: 'internal-grpc', type: 'gRPC', port: 9091 },
  { name: 'stats', type: 'UDP', port: 8125 },
];

const VISIBILITIES: ReadonlyArray<readonly [EndpointVisibility[], number]> = [
  [[], 35],
  [['namespace'], 30],
  [['namespace', 'internal'], 15],
  [['namespace', 'external'], 12],
  [['project', 'namespace', 'internal', 'external'], 8],
];

const ENDPOINT_COUNTS: ReadonlyArray<readonly [number, number]> = [
  [1, 15],
  [2, 20],
  [3, 65],
];

function openApi(title: string, resource: string, random: SeededRandom) {
  const version = `${random.int(1, 4)}.${random.int(0, 12)}.0`;
  return `openapi: 3.0.3
info:
  title: ${title}
  version: ${version}
paths:
  /${resource}:
    get:
      summary: List ${resource}
      responses:
        "200":
          description: OK
    post:
      summary: Create one of ${resource}
      responses:
        "201":
          description: Created
  /${resource}/{id}:
    get:
      summary: Get one of ${resource}
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: OK
        "404":
          description: Not found
`;
}

function proto(service: string, resource: string) {
  const message = resource[0].toUpperCase() + resource.slice(1);
  return `syntax = "proto3";
package ${service.replace(/-/g, '_')};
service ${message}Service {
  rpc Get${message} (Get${message}Request) returns (${message});
  rpc List${message} (List${message}Request) returns (stream ${message});
}
message Get${message}Request { string id = 1; }
message List${message}Request { int32 page_size = 1; string page_token = 2; }
message ${message} { string id = 1; string name = 2; int64 updated_at = 3; }
`;
}

function graphQl(resource: string) {
  const type = resource[0].toUpperCase() + resource.slice(1);
  return `type ${type} { id: ID!  name: String!  updatedAt: String }
type Query { ${resource}(id: ID!): ${type}  all${type}(first: Int): [${type}!]! }
`;
}

function schemaOf(
  kind: EndpointKind,
  title: string,
  component: string,
  resource: string,
  random: SeededRandom,
): WorkloadEndpoint['schema'] | undefined {
  switch (kind.type) {
    case 'HTTP':
      return random.chance(0.6)
        ? { type: 'openapi', content: openApi(title, resource, random) }
        : undefined;
    case 'gRPC':
      return random.chance(0.5)
        ? { type: 'proto', content: proto(component, resource) }
        : undefined;
    case 'GraphQL':
      return random.chance(0.5)
        ? { type: 'graphql', content: graphQl(resource) }
        : undefined;
    default:
      return undefined;
  }
}

/** 1–3 endpoints for a component; the first is the main one. */
export function syntheticEndpoints(
  component: string,
  title: string,
  resource: string,
  random: SeededRandom,
): Record<string, WorkloadEndpoint> {
  const count = random.weighted(ENDPOINT_COUNTS);
  const kinds: EndpointKind[] = [random.weighted(PRIMARY)];
  while (kinds.length < count) {
    const candidate = random.pick(SECONDARY);
    if (!kinds.some(k => k.name === candidate.name)) {
      kinds.push(candidate);
    }
  }
  const endpoints: Record<string, WorkloadEndpoint> = {};
  kinds.forEach((kind, index) => {
    const main = index === 0;
    const visibility = main ? random.weighted(VISIBILITIES) : [];
    const schema = main
      ? schemaOf(kind, title, component, resource, random)
      : undefined;
    endpoints[kind.name] = {
      type: kind.type,
      port: kind.port,
      ...(visibility.length > 0 ? { visibility } : {}),
      ...(main ? { displayName: `${title} ${kind.type} API` } : {}),
      ...(main && kind.type === 'HTTP' ? { basePath: `/${resource}` } : {}),
      ...(schema ? { schema } : {}),
    };
  });
  return endpoints;
}
