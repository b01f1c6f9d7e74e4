import {
  ChoreoKind,
  ChoreoKindInfo,
  ChoreoResource,
} from '@choreo-for-backstage/plugin-choreo-common';
import { SourceProblem } from '../../store/types';
import { KubeObject } from './resourceWatcher';

/** Kinds whose spec.owner ties them to a project (and component); required by the CRDs. */
const OWNED_KINDS: ReadonlySet<ChoreoKind> = new Set<ChoreoKind>([
  'Component',
  'Workload',
  'ComponentRelease',
  'ReleaseBinding',
  'RenderedRelease',
  'ProjectRelease',
  'ProjectReleaseBinding',
  'Resource',
  'ResourceRelease',
  'ResourceReleaseBinding',
]);

export interface CheckedObject {
  /** Absent when the object cannot be stored (it has no usable identity). */
  resource?: ChoreoResource;
  problem?: SourceProblem;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns an object from the API server into a store resource. Fills in kind
 * and apiVersion (lists of core objects leave them out) and drops
 * `managedFields`, which nobody reads and which is a large part of every
 * object. Objects without a name (or namespace, for namespaced kinds) cannot
 * be stored; objects without the owner their kind needs are stored and
 * reported. Everything else, including fields this version does not know,
 * is kept as the API server sent it.
 */
export function checkObject(
  info: ChoreoKindInfo,
  object: KubeObject,
): CheckedObject {
  const metadata: Record<string, unknown> = isObject(object.metadata)
    ? { ...object.metadata }
    : {};
  delete metadata.managedFields;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace =
    typeof metadata.namespace === 'string' ? metadata.namespace : '';
  if (!name) {
    return {
      problem: { message: `A ${info.kind} without metadata.name was ignored` },
    };
  }
  if (info.namespaced && !namespace) {
    return {
      problem: {
        message: `${info.kind} '${name}' has no metadata.namespace and was ignored`,
      },
    };
  }
  const resource = {
    ...object,
    apiVersion: info.apiVersion,
    kind: info.kind,
    metadata,
  } as unknown as ChoreoResource;
  const key = {
    kind: info.kind,
    name,
    ...(info.namespaced ? { namespace } : {}),
  };
  if (OWNED_KINDS.has(info.kind)) {
    const owner = isObject(object.spec) ? object.spec.owner : undefined;
    const project = isObject(owner) ? owner.projectName : undefined;
    if (typeof project !== 'string' || !project) {
      return {
        resource,
        problem: {
          message: `${info.kind} ${namespace}/${name} has no spec.owner.projectName; it is shown without its project`,
          resource: key,
        },
      };
    }
  }
  return { resource };
}
