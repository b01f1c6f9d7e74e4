import { ApiEntity } from '@backstage/catalog-model';
import {
  Component,
  ENDPOINT_VISIBILITIES,
  EndpointVisibility,
  WorkloadEndpoint,
} from '@choreo-for-backstage/plugin-choreo-common';
import { CHOREO_ENTITY_ANNOTATIONS } from './annotations';
import { ComponentFacts } from './componentToComponent';
import { TranslationContext } from './context';
import { entityMetadata } from './entityMetadata';
import { entityNames, entityRefs } from './entityNames';

/** Schema types as workloads spell them, to the API types Backstage's API docs render. */
const SCHEMA_TYPES: Record<string, string> = {
  openapi: 'openapi',
  swagger: 'openapi',
  oas: 'openapi',
  asyncapi: 'asyncapi',
  graphql: 'graphql',
  sdl: 'graphql',
  proto: 'grpc',
  protobuf: 'grpc',
  grpc: 'grpc',
};

/** The API type a published definition of this endpoint type usually is. */
const DEFINITION_TYPES: Record<string, string> = {
  HTTP: 'openapi',
  GraphQL: 'graphql',
  gRPC: 'grpc',
  Websocket: 'asyncapi',
};

/**
 * `spec.type` of an endpoint's API: from the schema type when the workload
 * publishes a definition, otherwise the protocol in lower case (`http`,
 * `grpc`, `tcp`, …) so nobody mistakes an undocumented endpoint for an
 * OpenAPI one.
 */
export function apiTypeOf(endpoint: WorkloadEndpoint): string {
  const type = String(endpoint.type ?? 'TCP');
  if (endpoint.schema?.content?.trim()) {
    const schemaType = endpoint.schema.type?.toLowerCase();
    return (
      (schemaType && SCHEMA_TYPES[schemaType]) ??
      DEFINITION_TYPES[type] ??
      type.toLowerCase()
    );
  }
  return type.toLowerCase();
}

/** The endpoint's visibilities in a fixed order; `project` always applies. */
export function visibilitiesOf(
  endpoint: WorkloadEndpoint,
): EndpointVisibility[] {
  const declared = new Set<string>(['project', ...(endpoint.visibility ?? [])]);
  return ENDPOINT_VISIBILITIES.filter(v => declared.has(v));
}

function definitionOf(
  endpoint: WorkloadEndpoint,
  component: string,
  name: string,
): string {
  const content = endpoint.schema?.content;
  if (content?.trim()) {
    return content;
  }
  return [
    `No API definition was published for endpoint '${name}' of component '${component}'.`,
    `It is a ${endpoint.type ?? 'TCP'} endpoint on port ${endpoint.port}.`,
    "To show its definition here, add 'schema: {type, content}' to the endpoint in the component's Workload.",
  ].join('\n');
}

/** One API entity per Workload endpoint, provided by the component. */
export function endpointsToApis(
  ctx: TranslationContext,
  component: Component,
  facts: ComponentFacts,
): ApiEntity[] {
  const namespace = component.metadata.namespace ?? 'default';
  const componentName = component.metadata.name;
  const project = component.spec.owner.projectName;
  return facts.runtime.endpoints.map(({ name, endpoint }) => {
    const visibilities = visibilitiesOf(endpoint);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'API',
      metadata: entityMetadata({
        id: entityNames.api(namespace, componentName, name),
        source: ctx.source,
        resource: component,
        title: endpoint.displayName,
        description: `${
          endpoint.type ?? 'TCP'
        } endpoint '${name}' of component ${componentName}`,
        annotations: {
          [CHOREO_ENTITY_ANNOTATIONS.project]: project,
          [CHOREO_ENTITY_ANNOTATIONS.component]: componentName,
          [CHOREO_ENTITY_ANNOTATIONS.endpoint]: name,
          [CHOREO_ENTITY_ANNOTATIONS.endpointType]: endpoint.type,
          [CHOREO_ENTITY_ANNOTATIONS.endpointPort]:
            endpoint.port !== undefined ? String(endpoint.port) : undefined,
          [CHOREO_ENTITY_ANNOTATIONS.endpointVisibility]:
            visibilities.join(','),
        },
        tags: [
          ...visibilities.map(v => `visibility-${v}`),
          endpoint.type ? String(endpoint.type) : undefined,
        ],
      }),
      spec: {
        type: apiTypeOf(endpoint),
        lifecycle: facts.lifecycle,
        owner: facts.owner,
        system: entityRefs.system(namespace, project),
        definition: definitionOf(endpoint, componentName, name),
      },
    };
  });
}
