import { NotAllowedError } from '@backstage/errors';
import {
  CHOREO_API_VERSION,
  CHOREO_KINDS,
  ChoreoResource,
  resourceKeyOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import { KubeConfig } from '@kubernetes/client-node';
import {
  KubeIdentity,
  createObject,
  mergePatchObject,
  minimalOpenChoreoPlatform,
} from '@internal/kube-testenv';
import { ChoreoStore } from '../../store/ChoreoStore';
import { eventually } from '../../testUtils/eventually';
import { KubernetesWriter } from '../../writer/kubernetes/KubernetesWriter';
import { KubernetesSource } from './KubernetesSource';
import { resourceName } from './kubePaths';
import { KubeTestEnv, startKubeTestEnv } from './__testUtils__/controlPlane';
import {
  PolicyRule,
  createAllOf,
  deleteAllOf,
  rulesWithout,
  shippedObject,
  shippedRbac,
  untilAccess,
} from './__testUtils__/shippedRbac';

// The RBAC manifests of deploy/kubernetes/rbac, applied as they are to a real
// kube-apiserver with RBAC on and the OpenChoreo v1.2.3 CRDs; the backend's
// source and writer then run as the ServiceAccount they bind.
jest.setTimeout(240_000);

const READER = 'control-plane-reader.yaml';
const WRITER = 'control-plane-writer.yaml';
const WRITER_BINDING = 'control-plane-writer-binding.yaml';
const IMPERSONATION = 'impersonation.yaml';
const PEOPLE_BINDING = 'impersonated-writers-binding.yaml';

const account = shippedObject('service-account.yaml', 'ServiceAccount');
/** The control-plane namespace the shipped RoleBinding templates name. */
const CP = shippedObject(WRITER_BINDING, 'RoleBinding').metadata.namespace!;
const OC = 'openchoreo.dev';

/** What the portal writes: the namespaced objects of a minimal platform, a deployment and a build. */
function portalWrites(): ChoreoResource[] {
  const platform = minimalOpenChoreoPlatform({ namespace: CP }).filter(
    o => o.kind !== 'Namespace' && o.metadata.namespace,
  );
  const deployment = {
    apiVersion: CHOREO_API_VERSION,
    kind: 'ReleaseBinding',
    metadata: { name: 'api-development', namespace: CP },
    spec: {
      owner: { projectName: 'shop', componentName: 'api' },
      environment: 'development',
      releaseName: 'api-1a2b3c',
    },
  };
  const build = {
    apiVersion: CHOREO_API_VERSION,
    kind: 'WorkflowRun',
    metadata: { name: 'api-build-1', namespace: CP },
    spec: { workflow: { kind: 'ClusterWorkflow', name: 'dockerfile-builder' } },
  };
  return [...platform, deployment, build] as unknown as ChoreoResource[];
}

const asPat = { actor: 'user:default/pat.platform' };

describe('the shipped RBAC for the backend, on a real API server with RBAC', () => {
  let env: KubeTestEnv;
  let backend: KubeIdentity;
  const sources: KubernetesSource[] = [];

  const kubeConfig = () => {
    const kc = new KubeConfig();
    kc.loadFromString(backend.kubeconfig);
    return kc;
  };

  async function startSource() {
    const store = new ChoreoStore();
    const source = new KubernetesSource({
      name: 'cluster',
      kubeConfig: kubeConfig(),
      watcher: { backoff: { initialMs: 100, maxMs: 1000 } },
    });
    sources.push(source);
    await source.start(store.sinkFor('cluster', 'kubernetes'));
    return { store, status: () => store.sources()[0] };
  }

  /** Takes one right out of a shipped ClusterRole (as the admin); returns how to put it back. */
  async function narrow(
    file: string,
    right: { verb: string; resource: string; namespace?: string },
  ) {
    const role = shippedObject(file, 'ClusterRole');
    await mergePatchObject(env, role, {
      rules: rulesWithout(role, right.resource, right.verb),
    });
    const access = { ...right, group: OC };
    await untilAccess(env, backend.user, access, false);
    return async () => {
      await mergePatchObject(env, role, { rules: role.rules });
      await untilAccess(env, backend.user, access, true);
    };
  }

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    await createObject(env, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: account.metadata.namespace! },
    });
    await mergePatchObject(
      env,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: CP } },
      { metadata: { labels: { 'openchoreo.dev/control-plane': 'true' } } },
    );
    await createAllOf(env, [
      ...shippedRbac('service-account.yaml'),
      ...shippedRbac(READER),
      ...shippedRbac(WRITER),
      ...shippedRbac(WRITER_BINDING),
    ]);
    backend = await env.serviceAccount(
      account.metadata.namespace!,
      account.metadata.name,
    );
    await untilAccess(
      env,
      backend.user,
      { verb: 'patch', resource: 'releasebindings', group: OC, namespace: CP },
      true,
    );
  });

  afterEach(async () => {
    await Promise.all(sources.splice(0).map(s => s.stop()));
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('lets the reader list and watch exactly the kinds the source follows', () => {
    const rules = shippedObject(READER, 'ClusterRole').rules as PolicyRule[];
    const granted = rules.flatMap(rule =>
      rule.apiGroups!.flatMap(group =>
        rule.resources!.map(
          r => `${group ? `${r}.${group}` : r}: ${rule.verbs}`,
        ),
      ),
    );
    expect(granted.sort()).toEqual(
      CHOREO_KINDS.map(info => `${resourceName(info)}: list,watch`).sort(),
    );
  });

  it('lets the source follow every kind, and the writer write and delete what the portal writes', async () => {
    const { store, status } = await startSource();
    expect(status()).toMatchObject({ state: 'synced', problems: [] });
    expect(store.list('Namespace').map(ns => ns.metadata.name)).toEqual([CP]);

    const writer = new KubernetesWriter({ kubeConfig: kubeConfig() });
    for (const resource of portalWrites()) {
      expect((await writer.apply(resource, asPat)).action).toBe('created');
    }
    const deployment = portalWrites().find(r => r.kind === 'ReleaseBinding')!;
    const promoted = {
      ...deployment,
      spec: { ...deployment.spec, releaseName: 'api-4d5e6f' },
    } as ChoreoResource;
    expect((await writer.apply(promoted, asPat)).action).toBe('updated');
    await eventually(() => {
      for (const resource of portalWrites()) {
        const { kind, name, namespace } = resourceKeyOf(resource);
        expect(store.get(kind, name, namespace)).toBeDefined();
      }
    });
    expect(status()).toMatchObject({ state: 'synced', problems: [] });

    // Deleting undoes a creation that failed half way; deployments and builds are never deleted.
    for (const kind of ['Workload', 'Component', 'Project']) {
      const key = resourceKeyOf(portalWrites().find(r => r.kind === kind)!);
      expect((await writer.delete(key, asPat)).action).toBe('deleted');
    }
    const refused = await writer
      .delete(resourceKeyOf(deployment), asPat)
      .catch(e => e);
    expect(refused).toBeInstanceOf(NotAllowedError);
    expect(refused.message).toContain(
      `cannot delete resource "releasebindings" in API group "${OC}"`,
    );
  });

  it('without watch on one kind, the source syncs the rest and names the missing right', async () => {
    const restore = await narrow(READER, {
      verb: 'watch',
      resource: 'renderedreleases',
    });
    try {
      const { status } = await startSource();
      await eventually(() =>
        expect(status().problems.map(p => p.message)).toEqual([
          expect.stringMatching(
            /^RenderedRelease: not allowed to watch renderedreleases\.openchoreo\.dev \(.*cannot watch resource "renderedreleases" in API group "openchoreo\.dev" at the cluster scope\); grant/,
          ),
        ]),
      );
      expect(status().state).toBe('synced');
    } finally {
      await restore();
    }
  });

  it('without patch on releasebindings, a deployment fails naming the missing right', async () => {
    const restore = await narrow(WRITER, {
      verb: 'patch',
      resource: 'releasebindings',
      namespace: CP,
    });
    try {
      const writer = new KubernetesWriter({ kubeConfig: kubeConfig() });
      const deployment = portalWrites().find(r => r.kind === 'ReleaseBinding')!;
      const error = await writer.apply(deployment, asPat).catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toMatch(
        new RegExp(
          `^Not allowed to apply ReleaseBinding ${CP}/api-development: .*User "${backend.user}" cannot patch resource "releasebindings" in API group "openchoreo\\.dev"`,
        ),
      );
    } finally {
      await restore();
    }
  });

  describe('with impersonate: true', () => {
    const person = (
      shippedObject(PEOPLE_BINDING, 'RoleBinding') as unknown as {
        subjects: Array<{ kind: string; name: string }>;
      }
    ).subjects.find(s => s.kind === 'User')!.name;
    const project = () =>
      portalWrites().find(r => r.kind === 'Project')! as ChoreoResource;
    const impersonating = () =>
      new KubernetesWriter({ kubeConfig: kubeConfig(), impersonate: true });

    beforeAll(async () => {
      // The backend no longer writes as itself; it may act as people, who may write.
      await deleteAllOf(env, shippedRbac(WRITER_BINDING));
      await createAllOf(env, [
        ...shippedRbac(IMPERSONATION),
        ...shippedRbac(PEOPLE_BINDING),
      ]);
      await untilAccess(
        env,
        backend.user,
        { verb: 'impersonate', resource: 'users', name: person },
        true,
      );
      await untilAccess(
        env,
        backend.user,
        { verb: 'get', resource: 'projects', group: OC, namespace: CP },
        false,
      );
    });

    it('writes as a person the RoleBinding names, and the backend alone cannot', async () => {
      const alone = await new KubernetesWriter({ kubeConfig: kubeConfig() })
        .apply(project(), { actor: person })
        .catch(e => e);
      expect(alone).toBeInstanceOf(NotAllowedError);

      const writer = impersonating();
      expect((await writer.apply(project(), { actor: person })).action).toBe(
        'created',
      );
      expect(
        (await writer.delete(resourceKeyOf(project()), { actor: person }))
          .action,
      ).toBe('deleted');
    });

    it('refuses a person without the rights, naming them', async () => {
      const stranger = 'user:default/mallory';
      const error = await impersonating()
        .apply(project(), { actor: stranger })
        .catch(e => e);
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.message).toMatch(
        new RegExp(
          `^Not allowed to apply Project ${CP}/shop as ${stranger}: .*User "${stranger}" cannot get resource "projects"`,
        ),
      );
    });

    it('without the impersonation role, names the right the backend lacks', async () => {
      const binding = shippedObject(IMPERSONATION, 'ClusterRoleBinding');
      await deleteAllOf(env, [binding]);
      try {
        await untilAccess(
          env,
          backend.user,
          { verb: 'impersonate', resource: 'users', name: person },
          false,
        );
        const error = await impersonating()
          .apply(project(), { actor: person })
          .catch(e => e);
        expect(error).toBeInstanceOf(NotAllowedError);
        expect(error.message).toContain(
          `as ${person}: users "${person}" is forbidden: User "${backend.user}" cannot impersonate resource "users"`,
        );
      } finally {
        await createAllOf(env, [binding]);
      }
    });
  });
});
