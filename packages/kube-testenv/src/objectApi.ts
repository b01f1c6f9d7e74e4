import { KubeConnection, kubeCall } from './kubeRest';

/** The parts of a Kubernetes object the REST paths need. */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
}

interface ApiResourceList {
  resources: Array<{ name: string; kind: string; namespaced: boolean }>;
}

const discoveryCache = new WeakMap<
  KubeConnection,
  Map<string, ApiResourceList>
>();

/**
 * Finds the REST path of an object from the server's discovery documents, so any kind works,
 * including CRDs installed by the test. Discovery answers are cached per connection.
 */
export async function objectPath(
  conn: KubeConnection,
  obj: ObjectRef,
  withName = true,
): Promise<string> {
  let cache = discoveryCache.get(conn);
  if (!cache) {
    cache = new Map();
    discoveryCache.set(conn, cache);
  }
  const base = obj.apiVersion.includes('/')
    ? `/apis/${obj.apiVersion}`
    : `/api/${obj.apiVersion}`;
  let list = cache.get(base);
  let resource = list?.resources.find(
    r => r.kind === obj.kind && !r.name.includes('/'),
  );
  if (!resource) {
    // Not cached yet, or a CRD installed after the last lookup.
    list = await kubeCall<ApiResourceList>(conn, 'GET', base);
    cache.set(base, list);
    resource = list.resources.find(
      r => r.kind === obj.kind && !r.name.includes('/'),
    );
  }
  if (!resource) {
    throw new Error(
      `The API server does not serve kind ${obj.kind} in ${obj.apiVersion}; is its CRD installed?`,
    );
  }
  const ns = resource.namespaced
    ? `/namespaces/${obj.metadata.namespace ?? 'default'}`
    : '';
  return `${base}${ns}/${resource.name}${
    withName ? `/${obj.metadata.name}` : ''
  }`;
}

/** Creates the object (POST); throws KubeApiError with the server's message on rejection. */
export async function createObject<T extends ObjectRef>(
  conn: KubeConnection,
  obj: T,
): Promise<T> {
  return kubeCall<T>(conn, 'POST', await objectPath(conn, obj, false), obj);
}

/** Reads the object, or returns undefined when it does not exist. */
export async function getObject<T = ObjectRef>(
  conn: KubeConnection,
  ref: ObjectRef,
): Promise<T | undefined> {
  try {
    return await kubeCall<T>(conn, 'GET', await objectPath(conn, ref));
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      return undefined;
    }
    throw error;
  }
}

/** Lists objects of a kind (in one namespace when given). */
export async function listObjects<T>(
  conn: KubeConnection,
  apiVersion: string,
  kind: string,
  namespace?: string,
): Promise<T[]> {
  const path = await objectPath(
    conn,
    { apiVersion, kind, metadata: { name: '', namespace } },
    false,
  );
  const list = await kubeCall<{ items: T[] }>(
    conn,
    'GET',
    namespace ? path : path.replace(/\/namespaces\/[^/]+/, ''),
  );
  return list.items;
}

/** Merge-patches the object (RFC 7386), for example to change a spec field. */
export async function mergePatchObject<T = ObjectRef>(
  conn: KubeConnection,
  ref: ObjectRef,
  patch: unknown,
): Promise<T> {
  return kubeCall<T>(conn, 'PATCH', await objectPath(conn, ref), patch, {
    contentType: 'application/merge-patch+json',
  });
}
