import { InputError } from '@backstage/errors';
import {
  CHOREO_KINDS,
  ChoreoKindInfo,
  ChoreoResource,
  ResourceKey,
  choreoKindInfo,
} from '@choreo-for-backstage/plugin-choreo-common';
import { kubernetesNameProblem } from '@choreo-for-backstage/plugin-choreo-common';
import { WriteContext } from './types';

function kindInfoOrThrow(kind: unknown): ChoreoKindInfo {
  const info = typeof kind === 'string' ? choreoKindInfo(kind) : undefined;
  if (!info) {
    throw new InputError(
      `kind '${String(
        kind,
      )}' is not an OpenChoreo kind; use one of ${CHOREO_KINDS.map(
        k => k.kind,
      ).join(', ')}`,
    );
  }
  return info;
}

/** Checks the identity of a resource key: known kind, valid name and namespace. */
export function validateResourceKey(key: ResourceKey): ChoreoKindInfo {
  const info = kindInfoOrThrow(key.kind);
  const nameProblem = kubernetesNameProblem(
    String(key.name ?? ''),
    info.kind === 'Namespace' ? 'label' : 'subdomain',
  );
  if (nameProblem) {
    throw new InputError(`${info.kind} ${nameProblem}`);
  }
  if (info.namespaced) {
    if (!key.namespace) {
      throw new InputError(
        `${info.kind} '${key.name}' needs metadata.namespace: ${info.kind} is namespaced; set the control-plane namespace it belongs to`,
      );
    }
    const namespaceProblem = kubernetesNameProblem(
      key.namespace,
      'label',
      'namespace',
    );
    if (namespaceProblem) {
      throw new InputError(`${info.kind} ${key.name}: ${namespaceProblem}`);
    }
  } else if (key.namespace) {
    throw new InputError(
      `${info.kind} '${key.name}' is cluster-scoped; remove metadata.namespace`,
    );
  }
  return info;
}

/**
 * Checks what a writer needs before it writes: a known kind with its
 * apiVersion, and a valid name and namespace. Throws InputError saying what
 * to fix.
 */
export function validateResource(resource: ChoreoResource): ChoreoKindInfo {
  if (typeof resource !== 'object' || resource === null) {
    throw new InputError('A resource must be an object');
  }
  const info = kindInfoOrThrow(resource.kind);
  if (resource.apiVersion !== info.apiVersion) {
    throw new InputError(
      `apiVersion '${resource.apiVersion}' does not fit kind ${info.kind}; use '${info.apiVersion}'`,
    );
  }
  const metadata = resource.metadata as ChoreoResource['metadata'] | undefined;
  if (typeof metadata !== 'object' || metadata === null) {
    throw new InputError(`${info.kind} has no metadata; set metadata.name`);
  }
  validateResourceKey({
    kind: info.kind,
    name: metadata.name,
    namespace: metadata.namespace,
  });
  return info;
}

/** Every write names who made it; the actor ends up in commit authors and audit logs. */
export function validateWriteContext(context: WriteContext): void {
  const actor = context?.actor;
  if (typeof actor !== 'string' || actor.trim() === '') {
    throw new InputError(
      'A write needs an actor: pass the entity ref of the user or service on whose behalf it happens',
    );
  }
  if (/[<>\r\n]/.test(actor)) {
    throw new InputError(
      `actor '${actor}' may not contain '<', '>' or line breaks`,
    );
  }
}
