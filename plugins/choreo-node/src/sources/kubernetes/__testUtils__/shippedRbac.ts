import path from 'node:path';
import {
  KubeConnection,
  KubeObject,
  createObject,
  kubeCall,
  objectPath,
  readManifests,
  waitFor,
} from '@internal/kube-testenv';

/** The RBAC manifests the repository ships for the backend's Kubernetes account. */
export const SHIPPED_RBAC_DIR = path.resolve(
  __dirname,
  '../../../../../../deploy/kubernetes/rbac',
);

/** The objects of one shipped file (e.g. `control-plane-reader.yaml`), as they are. */
export function shippedRbac(file: string): KubeObject[] {
  return readManifests([path.join(SHIPPED_RBAC_DIR, file)]);
}

/** The one object of `kind` in a shipped file. */
export function shippedObject(file: string, kind: string): KubeObject {
  const found = shippedRbac(file).filter(o => o.kind === kind);
  if (found.length !== 1) {
    throw new Error(`${file} has ${found.length} objects of kind ${kind}`);
  }
  return found[0];
}

export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
}

/**
 * The rules of a role with one verb taken away from one resource (and nothing
 * else): a rule naming more resources is split so the others keep the verb.
 */
export function rulesWithout(
  role: KubeObject,
  resource: string,
  verb: string,
): PolicyRule[] {
  const rules = (role as unknown as { rules: PolicyRule[] }).rules;
  const narrowed = rules.flatMap(rule => {
    if (!rule.resources?.includes(resource) || !rule.verbs.includes(verb)) {
      return [rule];
    }
    const others = rule.resources.filter(r => r !== resource);
    const verbs = rule.verbs.filter(v => v !== verb);
    return [
      ...(others.length > 0 ? [{ ...rule, resources: others }] : []),
      ...(verbs.length > 0 ? [{ ...rule, resources: [resource], verbs }] : []),
    ];
  });
  if (JSON.stringify(narrowed) === JSON.stringify(rules)) {
    throw new Error(`${role.metadata.name} does not grant ${verb} ${resource}`);
  }
  return narrowed;
}

/** Creates the objects with the admin's rights, like `kubectl apply` of the files. */
export async function createAllOf(
  admin: KubeConnection,
  objects: KubeObject[],
) {
  for (const object of objects) {
    await createObject(admin, object);
  }
}

export async function deleteAllOf(
  admin: KubeConnection,
  objects: KubeObject[],
) {
  for (const object of objects) {
    await kubeCall(admin, 'DELETE', await objectPath(admin, object));
  }
}

export interface Access {
  verb: string;
  resource: string;
  /** `log` for pods/log */
  subresource?: string;
  group?: string;
  namespace?: string;
  /** For `impersonate`: the user name. */
  name?: string;
}

/**
 * Waits until RBAC answers `allowed` for the user (a SubjectAccessReview): the
 * authorizer learns of changed roles and bindings through a watch, a moment
 * after they were written.
 */
export async function untilAccess(
  admin: KubeConnection,
  user: string,
  access: Access,
  allowed: boolean,
) {
  const groups = user.startsWith('system:serviceaccount:')
    ? [
        'system:serviceaccounts',
        `system:serviceaccounts:${user.split(':')[2]}`,
        'system:authenticated',
      ]
    : ['system:authenticated'];
  await waitFor(
    `${user} ${allowed ? 'may' : 'may not'} ${access.verb} ${access.resource}`,
    async () => {
      const review = await kubeCall<{ status: { allowed: boolean } }>(
        admin,
        'POST',
        '/apis/authorization.k8s.io/v1/subjectaccessreviews',
        {
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SubjectAccessReview',
          spec: {
            user,
            groups,
            resourceAttributes: { ...access, group: access.group ?? '' },
          },
        },
      );
      return review.status.allowed === allowed ? true : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 100 },
  );
}
