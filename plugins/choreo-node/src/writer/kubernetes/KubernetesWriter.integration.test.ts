import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
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

  it('reports a field another manager owns as a conflict instead of taking it over', async () => {
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
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      "Could not apply Component acme/billing: field spec.autoDeploy is owned by 'kubectl-client-side-apply'. Leave these fields out of the change, or have their owner release them; Choreo does not take over fields that others manage.",
    );
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
