import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CHOREO_ANNOTATIONS,
  ObjectMeta,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { entityNamespace, entityRefs } from './entityNames';

/**
 * A configured default owner (`choreo.catalog.owners[]`): for a whole Choreo
 * namespace, or for one project in it. For cluster-scoped resources the
 * namespace is the source name.
 */
export interface OwnerRule {
  namespace: string;
  project?: string;
  /** Entity ref; a bare name means a group in the `default` namespace. */
  owner: string;
}

const validator = makeValidator();

/**
 * A full entity ref for an owner value. A bare name is a group in the
 * `default` namespace (where org data usually lives): Backstage would
 * otherwise resolve it against the owned entity's namespace. Invalid values
 * give undefined, so the next source of ownership applies.
 */
export function normalizeOwnerRef(
  value: string | undefined,
): string | undefined {
  if (!value?.trim()) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(value.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    const valid =
      validator.isValidKind(ref.kind) &&
      validator.isValidNamespace(ref.namespace) &&
      validator.isValidEntityName(ref.name);
    return valid ? stringifyEntityRef(ref) : undefined;
  } catch {
    return undefined;
  }
}

function annotatedOwner(meta: ObjectMeta | undefined): string | undefined {
  return normalizeOwnerRef(meta?.annotations?.[CHOREO_ANNOTATIONS.owner]);
}

function ruleOwner(
  rules: OwnerRule[],
  namespace: string,
  project?: string,
): string | undefined {
  const rule = rules.find(
    r => r.namespace === namespace && (r.project ?? undefined) === project,
  );
  return normalizeOwnerRef(rule?.owner);
}

export interface OwnershipInput {
  reader: ChoreoStoreReader;
  owners: OwnerRule[];
  source: string;
}

/**
 * Who owns the entity made from `resource`, most specific first:
 * 1. the `backstage.io/owner` annotation on the resource;
 * 2. the annotation on its project, then a configured owner for the project;
 * 3. the annotation on its namespace, then a configured owner for the namespace
 *    (for cluster-scoped resources: a configured owner for the source name);
 * 4. the generated `<namespace>-team` group of its Backstage namespace, so
 *    that every organization gets its own placeholder that says what to do.
 */
export function ownerOf(
  input: OwnershipInput,
  resource: { metadata: ObjectMeta },
  project?: string,
): string {
  const { reader, owners, source } = input;

  const own = annotatedOwner(resource.metadata);
  if (own) {
    return own;
  }
  const namespace = resource.metadata.namespace;
  if (!namespace) {
    return (
      clusterOwner(input) ??
      entityRefs.fallbackOwnerGroup(entityNamespace({ cluster: true, source }))
    );
  }
  if (project) {
    const projectOwner =
      annotatedOwner(reader.get('Project', project, namespace)?.metadata) ??
      ruleOwner(owners, namespace, project);
    if (projectOwner) {
      return projectOwner;
    }
  }
  return (
    namespaceOwner(input, namespace) ??
    entityRefs.fallbackOwnerGroup(entityNamespace({ namespace }))
  );
}

/** The owner configured for a whole namespace, by annotation or config. */
export function namespaceOwner(
  input: OwnershipInput,
  namespace: string,
): string | undefined {
  return (
    annotatedOwner(input.reader.get('Namespace', namespace)?.metadata) ??
    ruleOwner(input.owners, namespace)
  );
}

/** The owner configured for the cluster-scoped resources of the source. */
export function clusterOwner(input: OwnershipInput): string | undefined {
  return ruleOwner(input.owners, input.source);
}
