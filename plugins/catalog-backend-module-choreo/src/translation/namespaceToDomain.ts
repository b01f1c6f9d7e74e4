import { DomainEntity, GroupEntity } from '@backstage/catalog-model';
import { CHOREO_ENTITY_ANNOTATIONS } from './annotations';
import { TranslationContext } from './context';
import { entityMetadata } from './entityMetadata';
import { entityNames, entityRefs } from './entityNames';
import { namespaceOwner } from './ownership';

/**
 * A control-plane namespace (an organization) as a Domain. Display name and
 * description come from the Namespace when the source has it; a directory
 * source often has only the resources in it, and the Domain exists anyway.
 */
export function namespaceToDomain(
  ctx: TranslationContext,
  namespace: string,
): DomainEntity {
  const resource = ctx.reader.get('Namespace', namespace);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: entityMetadata({
      id: entityNames.domain(namespace),
      source: ctx.source,
      resource: resource ?? {
        kind: 'Namespace',
        metadata: { name: namespace },
      },
      annotations: { [CHOREO_ENTITY_ANNOTATIONS.namespace]: namespace },
    }),
    spec: {
      owner:
        namespaceOwner(ctx, namespace) ??
        entityRefs.fallbackOwnerGroup(entityNames.domain(namespace).namespace),
    },
  };
}

/**
 * The group that owns what nobody was assigned to in one Backstage
 * namespace. Its content depends only on the namespace, so two sources of
 * the same group (an organization and a source of the same name) agree.
 */
export function fallbackOwnerGroup(
  ctx: TranslationContext,
  backstageNamespace: string,
): GroupEntity {
  const id = entityNames.fallbackOwnerGroup(backstageNamespace);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: entityMetadata({
      id,
      source: ctx.source,
      title: `${backstageNamespace} (no owner configured)`,
      description:
        `Owns the Choreo resources in '${backstageNamespace}' that have no owner. ` +
        "Set the 'backstage.io/owner' annotation on the namespace, project or resource, " +
        "or add an entry to 'choreo.catalog.owners' in app-config, to assign a real team.",
    }),
    spec: {
      type: 'team',
      profile: { displayName: `${backstageNamespace} (no owner configured)` },
      children: [],
    },
  };
}
