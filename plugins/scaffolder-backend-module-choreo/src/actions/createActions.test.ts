import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  ActionHarness,
  BOB,
  CheckpointState,
  MALLORY,
  startActionHarness,
} from '../__testUtils__/actionHarness';
import { createComponentCreateAction } from './componentCreate';
import { createEnvironmentCreateAction } from './environmentCreate';
import { createPipelineCreateAction } from './pipelineCreate';
import { createProjectCreateAction } from './projectCreate';

jest.setTimeout(60_000);

/** What the catalog module's generated component-type templates send (empty fields as ''). */
const generatedTemplateInput = {
  namespace: 'acme',
  project: 'system:acme/payments',
  name: 'fraud-check',
  displayName: 'Fraud check',
  description: '',
  componentType: { kind: 'ClusterComponentType', name: 'deployment/service' },
  parameters: '',
  workflow: 'dockerfile-builder',
  repository: {
    url: 'https://github.com/acme-sample/payments',
    branch: 'main',
    appPath: '/fraud-check',
  },
};

describe('create actions', () => {
  let harness: ActionHarness;
  beforeEach(async () => {
    harness = await startActionHarness();
  });
  afterEach(async () => {
    await harness.stop();
  });

  /** Every file of the sample, to prove a dry run left it alone. */
  const snapshot = async () => {
    const files = (await fs.readdir(harness.sample.dir, { recursive: true }))
      .map(String)
      .filter(f => !f.startsWith('.git'))
      .sort();
    return Promise.all(
      files.map(async f => {
        const full = path.join(harness.sample.dir, f);
        return (await fs.stat(full)).isFile()
          ? [f, await fs.readFile(full, 'utf8')]
          : [f];
      }),
    );
  };

  it('says in a dry run what it would write, with the manifests, and writes nothing', async () => {
    const before = await snapshot();
    const component = await harness.run(
      createComponentCreateAction(harness.deps),
      generatedTemplateInput,
      { dryRun: true },
    );
    expect(component.outputs).toMatchObject({
      entityRef: 'component:acme/fraud-check',
      resources: [
        expect.objectContaining({
          kind: 'Component',
          name: 'fraud-check',
          action: 'created',
        }),
      ],
    });
    expect(component.logs).toContainEqual(
      'info: Dry run: would create Component acme/fraud-check',
    );
    expect(component.logs).toContainEqual(
      expect.stringMatching(
        /manifest that would be written:\napiVersion: openchoreo.dev\/v1alpha1\nkind: Component\n/,
      ),
    );
    const project = await harness.run(
      createProjectCreateAction(harness.deps),
      {
        namespace: 'acme',
        name: 'billing',
        displayName: '',
        description: '',
        deploymentPipeline: '',
        owner: '',
      },
      { dryRun: true },
    );
    expect(project.logs).toContainEqual(
      'info: Dry run: would create Project acme/billing',
    );
    await harness.run(
      createEnvironmentCreateAction(harness.deps),
      {
        namespace: 'acme',
        name: 'qa',
        dataPlane: '',
        dataPlaneKind: '',
        isProduction: '',
      },
      { dryRun: true },
    );
    await harness.run(
      createPipelineCreateAction(harness.deps),
      {
        namespace: 'acme',
        name: 'fast',
        environments: ['development', 'production'],
      },
      { dryRun: true },
    );
    expect(await snapshot()).toEqual(before);
    expect(harness.commits()).toEqual(['sample organization']);
  });

  it('creates what a generated component-type template asks for, once even when retried', async () => {
    const action = createComponentCreateAction(harness.deps);
    const checkpoints: CheckpointState = new Map();
    const first = await harness.run(action, generatedTemplateInput, {
      checkpoints,
    });
    const retried = await harness.run(action, generatedTemplateInput, {
      checkpoints,
    });
    expect(retried.outputs).toEqual(first.outputs);
    expect(first.outputs.commit).toMatch(/^[0-9a-f]{7,}$/);
    expect(harness.commits()).toHaveLength(2);
    const { client, options } = harness.clientAs(BOB);
    const audit = await client.listAudit(
      { target: 'component:acme/fraud-check' },
      options,
    );
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actor: 'user:default/alice',
      result: 'ok',
    });

    // a new task (no checkpoint) asking for the same thing writes nothing new
    await harness.run(action, generatedTemplateInput).catch(() => undefined);
    expect(harness.commits()).toHaveLength(2);
  });

  it('refuses bad names with a message that says what is wrong, before calling the backend', async () => {
    const action = createComponentCreateAction(harness.deps);
    await expect(
      harness.run(action, { ...generatedTemplateInput, name: 'Fraud_Check' }),
    ).rejects.toThrow(
      "Invalid input to choreo:component:create: name 'Fraud_Check' is not a valid Kubernetes name (it has upper-case letters; it contains '_'): use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters, e.g. 'fraud-check'",
    );
    await expect(
      harness.run(createEnvironmentCreateAction(harness.deps), {
        namespace: 'acme',
        name: 'qa-',
      }),
    ).rejects.toThrow(
      /name 'qa-' is not a valid Kubernetes name \(it starts or ends with/,
    );
    await expect(
      harness.run(action, {
        ...generatedTemplateInput,
        project: 'component:acme/checkout-api',
      }),
    ).rejects.toThrow(
      /project 'component:acme\/checkout-api' is a component entity; pick a system entity/,
    );
    await expect(
      harness.run(action, {
        ...generatedTemplateInput,
        repository: { url: '' },
        workflow: '',
      }),
    ).rejects.toThrow(/Say where the container comes from/);
    expect(harness.commits()).toHaveLength(1);
  });

  it('acts with the initiator’s permissions', async () => {
    await expect(
      harness.run(
        createComponentCreateAction(harness.deps),
        generatedTemplateInput,
        {
          user: MALLORY,
        },
      ),
    ).rejects.toMatchObject({ statusCode: 403 });
    expect(harness.commits()).toHaveLength(1);
  });
});
