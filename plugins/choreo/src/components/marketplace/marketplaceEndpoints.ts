import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CHOREO_ENTITY_ANNOTATIONS,
  ENDPOINT_VISIBILITIES,
  EndpointVisibility,
} from '@choreo-for-backstage/plugin-choreo-common';

/** One endpoint offered in the marketplace: an API entity the choreo catalog provider made from a Workload endpoint. */
export interface MarketplaceEndpoint {
  /** The API entity ref, what the connect template takes. */
  ref: string;
  title: string;
  description?: string;
  /** Endpoint name in the Workload. */
  endpoint: string;
  component: string;
  /** Choreo project (the provider's). */
  project: string;
  projectTitle: string;
  /** Control-plane namespace. */
  namespace: string;
  /** Endpoint type: HTTP, gRPC, GraphQL, Websocket, TCP, UDP. */
  type: string;
  /** API type of its definition (openapi, graphql, grpc, asyncapi, or the protocol when none was published). */
  apiType: string;
  port?: number;
  visibilities: EndpointVisibility[];
  tags: string[];
}

/** Who a visibility lets in, in a sentence a developer understands. */
export const VISIBILITY_REACH: Record<EndpointVisibility, string> = {
  project: 'components of the same project',
  namespace: 'any project of the same namespace, in the same environment',
  internal: 'anything in the deployment, through the internal gateway',
  external: 'the internet, through the external gateway',
};

const annotationsOf = (e: Entity) => e.metadata.annotations ?? {};

/** `system:acme/storefront` → the project's title, from the catalog's System entities. */
export function projectTitles(systems: Entity[]): Map<string, string> {
  return new Map(
    systems.map(s => [
      `${annotationsOf(s)[CHOREO_ENTITY_ANNOTATIONS.namespace]}/${
        annotationsOf(s)[CHOREO_ENTITY_ANNOTATIONS.name] ?? s.metadata.name
      }`,
      s.metadata.title ?? s.metadata.name,
    ]),
  );
}

/** The marketplace's view of an API entity; undefined for APIs that are no Choreo endpoint. */
export function marketplaceEndpoint(
  api: Entity,
  titles: Map<string, string>,
): MarketplaceEndpoint | undefined {
  const a = annotationsOf(api);
  const endpoint = a[CHOREO_ENTITY_ANNOTATIONS.endpoint];
  const component = a[CHOREO_ENTITY_ANNOTATIONS.component];
  const project = a[CHOREO_ENTITY_ANNOTATIONS.project];
  const namespace = a[CHOREO_ENTITY_ANNOTATIONS.namespace];
  if (!endpoint || !component || !project || !namespace) return undefined;
  const declared = new Set(
    (a[CHOREO_ENTITY_ANNOTATIONS.endpointVisibility] ?? '')
      .split(',')
      .map(v => v.trim()),
  );
  // `project` always applies, declared or not
  declared.add('project');
  const port = Number(a[CHOREO_ENTITY_ANNOTATIONS.endpointPort]);
  return {
    ref: stringifyEntityRef(api),
    title: api.metadata.title ?? api.metadata.name,
    description: api.metadata.description,
    endpoint,
    component,
    project,
    projectTitle: titles.get(`${namespace}/${project}`) ?? project,
    namespace,
    type: a[CHOREO_ENTITY_ANNOTATIONS.endpointType] ?? 'TCP',
    apiType: String(api.spec?.type ?? ''),
    port: Number.isFinite(port) && port > 0 ? port : undefined,
    visibilities: ENDPOINT_VISIBILITIES.filter(v => declared.has(v)),
    tags: api.metadata.tags ?? [],
  };
}

/** A project components connect from: only its own project-only endpoints are open to it. */
export interface ConsumerProject {
  namespace: string;
  project: string;
}

/**
 * Whether a component can connect to `endpoint`. Without a consumer project,
 * the question is "from some other project", so project-only endpoints are
 * out; namespace visibility stops at the namespace.
 */
export function canConnect(
  endpoint: MarketplaceEndpoint,
  consumer: ConsumerProject | undefined,
): boolean {
  const v = new Set(endpoint.visibilities);
  if (v.has('internal') || v.has('external')) return true;
  if (!consumer) return v.has('namespace');
  if (v.has('namespace') && consumer.namespace === endpoint.namespace) {
    return true;
  }
  return (
    consumer.namespace === endpoint.namespace &&
    consumer.project === endpoint.project
  );
}

export interface MarketplaceFilter {
  search: string;
  consumer?: ConsumerProject;
  /** `namespace/project` of the providing project. */
  project?: string;
  type?: string;
  tag?: string;
}

const matchesSearch = (e: MarketplaceEndpoint, search: string) => {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const text = [
    e.title,
    e.description,
    e.endpoint,
    e.component,
    e.project,
    e.projectTitle,
    e.type,
    e.apiType,
    ...e.tags,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words.every(w => text.includes(w));
};

/** The endpoints shown, sorted by title, and how many only a project's own components could use. */
export function filterEndpoints(
  endpoints: MarketplaceEndpoint[],
  filter: MarketplaceFilter,
): { shown: MarketplaceEndpoint[]; hiddenByVisibility: number } {
  let hiddenByVisibility = 0;
  const shown = endpoints.filter(e => {
    if (filter.project && `${e.namespace}/${e.project}` !== filter.project) {
      return false;
    }
    if (filter.type && e.type !== filter.type) return false;
    if (filter.tag && !e.tags.includes(filter.tag)) return false;
    if (filter.search && !matchesSearch(e, filter.search)) return false;
    if (!canConnect(e, filter.consumer)) {
      hiddenByVisibility++;
      return false;
    }
    return true;
  });
  shown.sort((a, b) => a.title.localeCompare(b.title));
  return { shown, hiddenByVisibility };
}

/** The Create page's connect-to-endpoint template, prefilled. */
export function connectTemplateUrl(formData: Record<string, unknown>): string {
  return `/create/templates/default/connect-to-endpoint?formData=${encodeURIComponent(
    JSON.stringify(formData),
  )}`;
}

/**
 * A name for the environment variable that will hold the endpoint's
 * address: `CATALOG_API_REST_URL`, or `CHECKOUT_API_URL` when the endpoint
 * only repeats the component's last word.
 */
export function suggestedAddressEnv(endpoint: MarketplaceEndpoint): string {
  const words = endpoint.component.split(/[^a-zA-Z0-9]+/).filter(Boolean);
  if (words.at(-1)?.toLowerCase() !== endpoint.endpoint.toLowerCase()) {
    words.push(...endpoint.endpoint.split(/[^a-zA-Z0-9]+/).filter(Boolean));
  }
  const name = [...words, 'URL'].join('_').toUpperCase();
  return /^[A-Z_]/.test(name) ? name : `_${name}`;
}
