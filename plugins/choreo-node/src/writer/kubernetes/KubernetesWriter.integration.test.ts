import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStore } from '../../store/ChoreoStore';
import { eventually } from '../../testUtils/eventually';
import { KubernetesSource } from '../../sources/kubernetes/KubernetesSource';
import {
  KubeTestEnv,
  component,
  controlPlaneNamespace,
  createAll,
  kubeConfigOf,
  pathOf,
  project,
  startKubeTestEnv,
} from '../../sources/kubernetes/__testUtils__/controlPlane';
import { FieldOwnershipError, ResourceChangedError } from '../resourceChanges';
import { KubernetesWriter } from './KubernetesWriter';

// Real etcd + kube-apiserver with the OpenChoreo v1.2.3 CRDs.
jest.setTimeout(240_000);

const jane = { actor: 'user:default/jane' };

describe('KubernetesWriter against a real API server', () => {
  let env: KubeTestEnv;
  let writer: KubernetesWriter;

  beforeAll(async () => {
    env = await startKubeTestEnv({ crds: 'openchoreo' });
    await createAll(env, [controlPlaneNamespace('acme')]);
    writer = new KubernetesWriter({ kubeConfig: kubeConfigOf(env) });
  });

  afterAll(async () => {
    await env?.stop();
  });

  const asResource = (object: object) => object as unknown as ChoreoResource;

  it('creates, updates and leaves alone with server-side apply, and the source sees the writes', async () => {
    const store = new ChoreoStore();
    const source = new KubernetesSource({
      name: 'cluster',
      kubeConfig: kubeConfigOf(env),
    });
    await source.start(store.sinkFor('cluster', 'kubernetes'));
    try {
      const shop = project('acme', 'shop');
      const created = await writer.apply(asResource(shop), jane);
      expect(created).toMatchObject({
        action: 'created',
        location: env.server,
      });
      expect(created.resource.metadata.uid).toBeDefined();

      const again = await writer.apply(
        asResource({ ...shop, status: { conditions: [] } }),
        jane,
      );
      expect(again.action).toBe('unchanged');

      const described = {
        ...shop,
        metadata: {
          ...shop.metadata,
          annotations: { 'openchoreo.dev/description': 'The shop' },
        },
      };
      expect((await writer.apply(asResource(described), jane)).action).toBe(
        'updated',
      );
      await eventually(() =>
        expect(
          store.get('Project', 'shop', 'acme')?.metadata.annotations,
        ).toEqual({ 'openchoreo.dev/description': 'The shop' }),
      );

      const managers = (
        await env.call<{ metadata: { managedFields: { manager: string }[] } }>(
          'GET',
          pathOf('Project', 'shop', 'acme'),
        )
      ).metadata.managedFields.map(f => f.manager);
      expect(managers).toEqual(['choreo-backstage']);
    } finally {
      await source.stop();
    }
  });

  it('writes nothing on a dry run', async () => {
    const result = await writer.apply(asResource(project('acme', 'draft')), {
      ...jane,
      dryRun: true,
    });
    expect(result.action).toBe('created');
    const res = await env.request('GET', pathOf('Project', 'draft', 'acme'));
    expect(res.status).toBe(404);
  });

  it('turns a schema rejection into an InputError naming the field', async () => {
    const bad = component('acme', 'api');
    bad.spec.componentType.name = 'service';
    const error = await writer.apply(asResource(bad), jane).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(
      /^Component acme\/api is invalid: spec\.componentType\.name: .*should match/,
    );
  });

  it('reports a field another manager owns, and takes it over only when told to', async () => {
    const api = component('acme', 'billing');
    const ours = { ...api, spec: { ...api.spec, autoDeploy: true } };
    await writer.apply(asResource(ours), jane);
    // Someone else takes spec.autoDeploy with a different value.
    await env.call(
      'PATCH',
      `${pathOf(
        'Component',
        'billing',
        'acme',
      )}?fieldManager=kubectl-client-side-apply&force=true`,
      JSON.stringify({ ...api, spec: { ...api.spec, autoDeploy: false } }),
      { contentType: 'application/apply-patch+yaml' },
    );

    const error = await writer.apply(asResource(ours), jane).catch(e => e);
    expect(error).toBeInstanceOf(FieldOwnershipError);
    expect(error.message).toBe(
      'Could not change Component acme/billing: spec.autoDeploy is managed by kubectl-client-side-apply. Confirm to take it over, or ask kubectl-client-side-apply to make the change.',
    );
    const live = () =>
      env.call<{ spec: { autoDeploy: boolean } }>(
        'GET',
        pathOf('Component', 'billing', 'acme'),
      );
    expect((await live()).spec.autoDeploy).toBe(false);

    await writer.apply(asResource(ours), { ...jane, takeOver: true });
    expect((await live()).spec.autoDeploy).toBe(true);
  });

  describe('a ReleaseBinding changed one field at a time', () => {
    const binding = (spec: object, annotations?: Record<string, string>) =>
      asResource({
        apiVersion: 'openchoreo.dev/v1alpha1',
        kind: 'ReleaseBinding',
        metadata: {
          name: 'api-staging',
          namespace: 'acme',
          ...(annotations ? { annotations } : {}),
        },
        spec: {
          owner: { projectName: 'shop', componentName: 'api' },
          environment: 'staging',
          ...spec,
        },
      });
    type Live = {
      metadata: { resourceVersion: string; annotations?: object };
      spec: Record<string, unknown>;
    };
    const live = () =>
      env.call<Live>('GET', pathOf('ReleaseBinding', 'api-staging', 'acme'));
    const restartedAt = {
      'openchoreo.dev/restartedAt': '2026-12-02T08:00:00Z',
    };

    it('keeps every field the portal set before', async () => {
      await writer.apply(binding({ releaseName: 'api-r1' }), jane);
      // a restart names only its annotation
      await writer.apply(binding({}, restartedAt), jane);
      expect(await live()).toMatchObject({
        metadata: { annotations: restartedAt },
        spec: { releaseName: 'api-r1' },
      });
      // an undeploy names only the state
      await writer.apply(binding({ state: 'Undeploy' }), jane);
      expect(await live()).toMatchObject({
        metadata: { annotations: restartedAt },
        spec: { releaseName: 'api-r1', state: 'Undeploy' },
      });
      // a promotion names only the release
      await writer.apply(binding({ releaseName: 'api-r2' }), jane);
      expect(await live()).toMatchObject({
        metadata: { annotations: restartedAt },
        spec: { releaseName: 'api-r2', state: 'Undeploy' },
      });
    });

    it('refuses a change when the binding moved on since the caller looked, naming who moved it', async () => {
      const seen = (await live()) as unknown as ChoreoResource;
      // meanwhile, someone edits the release with kubectl
      await env.call(
        'PATCH',
        `${pathOf(
          'ReleaseBinding',
          'api-staging',
          'acme',
        )}?fieldManager=kubectl-edit`,
        JSON.stringify({ spec: { releaseName: 'api-r9' } }),
        { contentType: 'application/merge-patch+json' },
      );
      const error = await writer
        .apply(binding({ state: 'Active' }), { ...jane, expected: seen })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResourceChangedError);
      expect(error.message).toBe(
        'ReleaseBinding acme/api-staging changed since you looked at it: spec.releaseName was api-r2, is api-r9 (by kubectl-edit). Reload and try again.',
      );
      expect((await live()).spec).toMatchObject({
        releaseName: 'api-r9',
        state: 'Undeploy',
      });
      // looked at again, the same change goes through
      const fresh = (await live()) as unknown as ChoreoResource;
      await writer.apply(binding({ state: 'Active' }), {
        ...jane,
        expected: fresh,
      });
      expect((await live()).spec.state).toBe('Active');
    });

    it('refuses a delete when the binding moved on', async () => {
      const seen = (await live()) as unknown as ChoreoResource;
      await writer.apply(
        binding({}, { 'openchoreo.dev/restartedAt': 'later' }),
        jane,
      );
      const key = {
        kind: 'ReleaseBinding' as const,
        name: 'api-staging',
        namespace: 'acme',
      };
      await expect(
        writer.delete(key, { ...jane, expected: seen }),
      ).rejects.toThrow(ResourceChangedError);
      expect((await live()).metadata.annotations).toEqual({
        'openchoreo.dev/restartedAt': 'later',
      });
    });
  });

  it('deletes, and says when there is nothing to delete', async () => {
    await writer.apply(asResource(project('acme', 'old')), jane);
    const key = { kind: 'Project' as const, name: 'old', namespace: 'acme' };
    const deleted = await writer.delete(key, jane);
    expect(deleted).toMatchObject({
      action: 'deleted',
      resource: { metadata: { name: 'old' } },
    });
    await expect(writer.delete(key, jane)).rejects.toThrow(NotFoundError);
  });

  it('acts as the signed-in user when impersonation is on', async () => {
    const asUser = new KubernetesWriter({
      kubeConfig: kubeConfigOf(env),
      impersonate: true,
    });
    const error = await asUser
      .apply(asResource(project('acme', 'secret')), jane)
      .catch(e => e);
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toMatch(
      /^Not allowed to apply Project acme\/secret as user:default\/jane: .*"user:default\/jane" cannot/,
    );
  });
});
