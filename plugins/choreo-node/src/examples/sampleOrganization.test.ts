import path from 'node:path';
import { CHOREO_API_VERSION } from '@choreo-for-backstage/plugin-choreo-common';
import { loadOpenChoreoCrds, OpenChoreoCrd } from '@internal/kube-testenv';
import { checkKubernetesExtensions } from './__testUtils__/celRules';
import { checkFlows } from './__testUtils__/flowChecks';
import {
  EXAMPLES_DIR,
  loadManifests,
  Manifest,
  where,
} from './__testUtils__/loadManifests';
import {
  bindingState,
  condition,
  Organization,
} from './__testUtils__/organization';
import { referenceProblems } from './__testUtils__/referenceChecks';
import { resourceProblems } from './__testUtils__/resourceChecks';
import {
  markedPaths,
  releaseBindingStatusProblems,
  repositoryParameterProblems,
} from './__testUtils__/statusChecks';
import { CrdValidators } from './__testUtils__/structuralSchema';

// The sample organization (examples/acme) is the product's embedded default. It must be
// something a real OpenChoreo v1.2.3 control plane would accept and could have produced.
const CP_NAMESPACE = 'acme';
const ORG_DIR = path.join(EXAMPLES_DIR, 'acme');

describe('sample organization examples/acme', () => {
  let crds: Map<string, OpenChoreoCrd>;
  let manifests: Manifest[];
  let org: Organization;

  beforeAll(() => {
    // Throws with instructions when `go` or the module download is unavailable: no silent skip.
    crds = loadOpenChoreoCrds('v1.2.3');
    manifests = loadManifests(ORG_DIR);
    org = new Organization(manifests);
  });

  it('validates every OpenChoreo object, status included, against its v1.2.3 CRD schema', () => {
    const validators = new CrdValidators();
    const problems: string[] = [];
    for (const m of manifests) {
      const { apiVersion, kind } = m.object;
      if (apiVersion === 'v1' && kind === 'Namespace') continue;
      const crd = crds.get(kind ?? '');
      if (apiVersion !== CHOREO_API_VERSION || !crd) {
        problems.push(
          `${where(
            m,
          )}: not an OpenChoreo v1alpha1 kind (${apiVersion} ${kind})`,
        );
        continue;
      }
      const messages = [
        ...validators.validate(crd.kind, crd.openAPIV3Schema, m.object),
        ...checkKubernetesExtensions(crd.openAPIV3Schema, m.object),
      ];
      const namespace = m.object.metadata?.namespace;
      if (crd.scope === 'Namespaced' && namespace !== CP_NAMESPACE)
        messages.push(`metadata.namespace must be ${CP_NAMESPACE}`);
      if (crd.scope === 'Cluster' && namespace !== undefined)
        messages.push('cluster-scoped, so metadata.namespace must be absent');
      problems.push(...messages.map(msg => `${where(m)}: ${msg}`));
    }
    expect(problems).toEqual([]);
    expect(manifests.length).toBeGreaterThan(100);
  });

  it('declares the control-plane namespace and unique names per kind', () => {
    const namespaces = manifests.filter(m => m.object.kind === 'Namespace');
    expect(namespaces.map(m => m.object.metadata)).toEqual([
      expect.objectContaining({
        name: CP_NAMESPACE,
        labels: { 'openchoreo.dev/control-plane': 'true' },
        annotations: expect.objectContaining({
          'openchoreo.dev/display-name': 'Acme Corp',
          'openchoreo.dev/description': expect.any(String),
        }),
      }),
    ]);
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const m of manifests) {
      const key = `${m.object.kind}/${m.object.metadata?.name}`;
      if (seen.has(key))
        duplicates.push(`${where(m)}: duplicate of ${seen.get(key)}`);
      seen.set(key, where(m));
    }
    expect(duplicates).toEqual([]);
  });

  it('resolves every reference', () => {
    expect(referenceProblems(org, CP_NAMESPACE)).toEqual([]);
    expect(repositoryParameterProblems(org)).toEqual([]);
  });

  it('reports binding statuses OpenChoreo could have written', () => {
    expect(releaseBindingStatusProblems(org, CP_NAMESPACE)).toEqual([]);
  });

  it('has the platform objects a project needs', () => {
    expect(
      org
        .all('Environment')
        .map(e => [e.object.metadata.name, e.object.spec.isProduction]),
    ).toEqual([
      ['development', false],
      ['staging', false],
      ['production', true],
    ]);
    const paths =
      org.find('DeploymentPipeline', 'default')?.spec.promotionPaths ?? [];
    expect(
      paths.map(p => [
        p.sourceEnvironmentRef.name,
        p.targetEnvironmentRefs.map(t => t.name),
      ]),
    ).toEqual([
      ['development', ['staging']],
      ['staging', ['production']],
    ]);
    const dataPlane = org.find('DataPlane', 'default');
    expect(
      dataPlane?.metadata.annotations?.['openchoreo.dev/networkpolicyprovider'],
    ).toBe('cilium');
    expect(dataPlane?.spec.gateway?.ingress?.external?.https?.host).toBe(
      'acme.example.com',
    );
    expect(dataPlane?.spec.gateway?.ingress?.internal?.http?.host).toBe(
      'internal.acme.example',
    );
    expect(org.find('ClusterWorkflowPlane', 'default')).toBeDefined();

    // Since v1.2 the project type must render the cell namespace itself.
    const cellTemplate = org
      .find('ClusterProjectType', 'default')
      ?.spec.resources?.find(r => r.template.kind === 'Namespace');
    expect(cellTemplate?.template).toMatchObject({
      apiVersion: 'v1',
      metadata: { name: '${metadata.namespace}' },
    });

    const types = Object.fromEntries(
      org
        .all('ClusterComponentType')
        .map(t => [t.object.metadata.name, t.object.spec.workloadType]),
    );
    expect(types).toEqual({
      service: 'deployment',
      'web-application': 'deployment',
      'scheduled-task': 'cronjob',
      worker: 'deployment',
    });

    const builder = org.find('ClusterWorkflow', 'dockerfile-builder');
    expect(builder?.metadata.labels?.['openchoreo.dev/workflow-type']).toBe(
      'component',
    );
    expect(builder?.spec.runTemplate).toMatchObject({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
    });
    const schema = builder?.spec.parameters?.openAPIV3Schema;
    expect(
      markedPaths(schema, 'x-openchoreo-component-parameter-repository-commit'),
    ).toEqual(['repository.revision.commit']);
  });

  it('covers components, endpoint visibilities and types across three projects', () => {
    const components = org.all('Component').map(c => c.object);
    const projects = new Set(components.map(c => c.spec.owner.projectName));
    expect(projects.size).toBe(3);
    expect(components.length).toBeGreaterThanOrEqual(10);
    expect(new Set(components.map(c => c.spec.componentType.name))).toEqual(
      new Set([
        'deployment/service',
        'deployment/web-application',
        'cronjob/scheduled-task',
        'deployment/worker',
      ]),
    );
    expect(
      components.some(c => c.spec.autoDeploy) &&
        components.some(c => !c.spec.autoDeploy),
    ).toBe(true);

    const endpoints = org
      .all('Workload')
      .flatMap(w => Object.values(w.object.spec.endpoints ?? {}));
    expect(new Set(endpoints.flatMap(e => e.visibility ?? []))).toEqual(
      new Set(['project', 'namespace', 'internal', 'external']),
    );
    expect([...new Set(endpoints.map(e => e.type))]).toEqual(
      expect.arrayContaining(['HTTP', 'gRPC', 'GraphQL', 'TCP']),
    );
    expect([...new Set(endpoints.map(e => e.schema?.type))]).toEqual(
      expect.arrayContaining(['openapi', 'graphql', 'proto']),
    );

    const deps = org
      .all('Workload')
      .flatMap(w => w.object.spec.dependencies?.endpoints ?? []);
    expect(deps.some(d => d.visibility === 'project')).toBe(true);
    expect(deps.some(d => d.visibility === 'namespace' && d.project)).toBe(
      true,
    );
  });

  it('has managed resources, bound in every environment and consumed through their outputs', () => {
    expect(resourceProblems(org)).toEqual([]);
    expect(
      org.all('ClusterResourceType').map(t => t.object.metadata.name),
    ).toEqual(['postgres', 'valkey']);
    const resources = org
      .all('Resource')
      .map(r => [r.object.metadata.name, r.object.spec.type.name]);
    expect(resources).toEqual(
      expect.arrayContaining([
        ['orders-db', 'postgres'],
        ['sessions', 'valkey'],
      ]),
    );
    const uses = org.all('Workload').flatMap(w =>
      (w.object.spec.dependencies?.resources ?? []).map(d => ({
        component: w.object.spec.owner.componentName,
        ref: d.ref,
        files: Object.keys(d.fileBindings ?? {}).length,
      })),
    );
    expect(uses.map(u => `${u.component}->${u.ref}`).sort()).toEqual([
      'cart-service->sessions',
      'checkout-api->orders-db',
    ]);
    expect(uses.some(u => u.files > 0)).toBe(true);
    // Secrets stay on the data plane: outputs hold references, never values.
    const secretOutputs = org
      .all('ResourceReleaseBinding')
      .flatMap(b => b.object.status?.outputs ?? [])
      .filter(o => o.name === 'password');
    expect(secretOutputs.length).toBe(6);
    expect(secretOutputs.every(o => o.secretKeyRef && !o.value)).toBe(true);
  });

  it('shows deployments in every state, including an older release in production', () => {
    const bindings = org.all('ReleaseBinding').map(b => b.object);
    expect(new Set(bindings.map(b => b.spec.environment))).toEqual(
      new Set(['development', 'staging', 'production']),
    );
    const states = new Set(bindings.map(b => bindingState(b.status)));
    expect(states).toEqual(new Set(['ready', 'progressing', 'failed']));
    const dev = bindings.filter(b => b.spec.environment === 'development');
    expect(
      dev.filter(b => bindingState(b.status) === 'ready').length,
    ).toBeGreaterThan(dev.length / 2);

    const bindingOf = (component: string, env: string) =>
      bindings.find(
        b =>
          b.spec.owner.componentName === component &&
          b.spec.environment === env,
      );
    const createdAt = (release: string | undefined) =>
      org.find('ComponentRelease', release)?.metadata.creationTimestamp ?? '';
    const behind = org.all('Component').filter(({ object: c }) => {
      const prod = bindingOf(c.metadata.name, 'production');
      const staging = bindingOf(c.metadata.name, 'staging');
      return (
        prod &&
        staging &&
        createdAt(prod.spec.releaseName) < createdAt(staging.spec.releaseName)
      );
    });
    expect(behind.length).toBeGreaterThanOrEqual(1);
    expect(
      org
        .all('Component')
        .some(c => !bindingOf(c.object.metadata.name, 'production')),
    ).toBe(true);
  });

  it('has builds that succeeded, failed and are still running', () => {
    const runs = org.all('WorkflowRun').map(r => r.object);
    const succeeded = runs.filter(
      r => condition(r.status, 'WorkflowSucceeded')?.status === 'True',
    );
    const failed = runs.filter(
      r => condition(r.status, 'WorkflowFailed')?.status === 'True',
    );
    const running = runs.filter(
      r => condition(r.status, 'WorkflowRunning')?.status === 'True',
    );
    expect(succeeded.length).toBeGreaterThan(0);
    expect(
      failed
        .flatMap(r => r.status?.tasks ?? [])
        .some(t => t.phase === 'Failed' && t.message),
    ).toBe(true);
    expect(
      running.every(r => !r.status?.completedAt) && running.length > 0,
    ).toBe(true);
    expect(
      succeeded.every(r => r.status?.completedAt && r.status.startedAt),
    ).toBe(true);
  });

  it('ships a Hubble flow export that matches the cells and the network policies', () => {
    const { problems, stats } = checkFlows(
      path.join(ORG_DIR, 'flows.jsonl'),
      org,
      CP_NAMESPACE,
    );
    expect(problems).toEqual([]);
    expect(stats.lines).toBeGreaterThanOrEqual(60);
    expect(stats.l7Http).toBeGreaterThan(0);
    expect(stats.grpc).toBeGreaterThan(0);
    expect(stats.fromWorld).toBeGreaterThan(0);
    expect(stats.throughGateway).toBeGreaterThan(0);
    // An undeclared call from another project is dropped; one inside a project is let through.
    expect(
      stats.droppedPolicyDenied.some(
        d => d.from.split('/')[0] !== d.to.split('/')[0],
      ),
    ).toBe(true);
    expect(stats.undeclaredForwarded.length).toBeGreaterThan(0);
    expect(stats.byEnvironment.development).toBeGreaterThan(
      stats.byEnvironment.production ?? 0,
    );
    expect(stats.byEnvironment.production).toBeGreaterThan(0);
  });
});
