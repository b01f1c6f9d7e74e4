import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import {
  CHOREO_ANNOTATIONS,
  ObjectMeta,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '../store/types';

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

/** `choreo.catalog.owners`, checked: an owner that is no entity ref names the key to fix. */
export function readOwnerRules(config: Config): OwnerRule[] {
  const entries = config.getOptionalConfigArray('choreo.catalog.owners') ?? [];
  return entries.map((entry, index) => {
    const at = `choreo.catalog.owners[${index}]`;
    const owner = entry.getString('owner');
    if (!normalizeOwnerRef(owner)) {
      throw new Error(
        `${at}.owner '${owner}' is not an entity ref; use e.g. 'group:default/payments-team' or 'payments-team'`,
      );
    }
    const project = entry.getOptionalString('project');
    return {
      namespace: entry.getString('namespace'),
      ...(project ? { project } : {}),
      owner,
    };
  });
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

/** What ownership is read from: the store and the configured owners. */
export interface OwnershipInput {
  reader: ChoreoStoreReader;
  owners: OwnerRule[];
  /** The source name: cluster-scoped resources take the owner configured for it. */
  source?: string;
}

/**
 * Who owns `resource`, most specific first, or undefined when nobody was
 * named: the `backstage.io/owner` annotation on the resource; on its project,
 * then a configured owner for the project; on its namespace, then a
 * configured owner for the namespace (cluster-scoped resources: the one
 * configured for the source). The catalog and permission decisions both
 * read ownership here, so they never disagree.
 */
export function resourceOwner(
  input: OwnershipInput,
  resource: { metadata: ObjectMeta },
  project?: string,
): string | undefined {
  const own = annotatedOwner(resource.metadata);
  if (own) {
    return own;
  }
  const namespace = resource.metadata.namespace;
  if (!namespace) {
    return clusterOwner(input);
  }
  if (project) {
    const projectOwner =
      annotatedOwner(
        input.reader.get('Project', project, namespace)?.metadata,
      ) ?? ruleOwner(input.owners, namespace, project);
    if (projectOwner) {
      return projectOwner;
    }
  }
  return namespaceOwner(input, namespace);
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
  return input.source ? ruleOwner(input.owners, input.source) : undefined;
}
