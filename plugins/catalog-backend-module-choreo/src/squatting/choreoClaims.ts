import { Entity } from '@backstage/catalog-model';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { entityNamespace } from '../translation/entityNames';

/** The entity kinds the Choreo provider makes. */
const PROVIDER_KINDS = new Set([
  'group',
  'domain',
  'system',
  'component',
  'api',
  'resource',
  'template',
]);

/**
 * The catalog's `default` namespace is where org data and most hand-written
 * entities live, and OpenChoreo's samples use a control-plane namespace of
 * that name: there only the names the provider uses now are claimed.
 */
const SHARED_NAMESPACE = 'default';

/** The entity refs of the store's resources in the shared namespace. */
function claimedRefsInShared(store: ChoreoStoreReader): Set<string> {
  const refs = new Set<string>();
  const namespace = SHARED_NAMESPACE;
  if (!store.get('Namespace', namespace)) return refs;
  for (const p of store.list('Project', { namespace })) {
    refs.add(`system:${namespace}/${p.metadata.name}`);
  }
  for (const c of store.list('Component', { namespace })) {
    refs.add(`component:${namespace}/${c.metadata.name}`);
  }
  refs.add(`domain:${namespace}/${namespace}`);
  return refs;
}

/**
 * Who may put an entity into the catalog besides the Choreo provider: a
 * registered location may not add entities of the provider's kinds in a
 * namespace a Choreo source serves, so nobody can register
 * `component:acme/<a name the platform will use>` owned by themselves and
 * have the provider's entity refused as a conflict later. Answers the
 * reason, or undefined when the entity is fine.
 */
export function choreoClaim(
  store: ChoreoStoreReader,
  entity: Entity,
): string | undefined {
  const kind = entity.kind?.toLocaleLowerCase('en-US');
  if (!kind || !PROVIDER_KINDS.has(kind)) return undefined;
  const namespace = entity.metadata?.namespace ?? SHARED_NAMESPACE;
  const ref = `${kind}:${namespace}/${entity.metadata?.name}`;
  const served = store
    .list('Namespace')
    .map(ns => entityNamespace({ namespace: ns.metadata.name }));
  const claimed =
    namespace === SHARED_NAMESPACE
      ? claimedRefsInShared(store).has(ref)
      : served.includes(namespace);
  if (!claimed) return undefined;
  return `${ref} is in namespace '${namespace}', which a Choreo source serves: its ${entity.kind} entities come only from the Choreo provider. Create it through a Choreo template (or in the platform), or register it in another namespace.`;
}
