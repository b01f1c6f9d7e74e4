import { promises as fs } from 'node:fs';
import path from 'node:path';

const NS = 'bench';
const PROJECT = 'big';
const ENVS = ['development', 'staging', 'production'];
const API = 'openchoreo.dev/v1alpha1';
const READY_AT = '2026-08-01T00:00:00Z';

const ready = (type: string, reason: string) => ({
  type,
  status: 'True',
  reason,
  message: reason,
  lastTransitionTime: READY_AT,
  observedGeneration: 1,
});

/** Manifests of one component: Component, Workload, two releases, one binding per environment. */
function componentManifests(index: number): object[] {
  const name = `svc-${String(index).padStart(4, '0')}`;
  // each component calls up to two earlier ones, so the cell has real east-west edges
  const dependencies = [index - 1, Math.floor(index / 2)]
    .filter((d, i, all) => d >= 0 && d < index && all.indexOf(d) === i)
    .map(d => ({
      component: `svc-${String(d).padStart(4, '0')}`,
      name: 'http',
      visibility: 'project',
      envBindings: { address: `SVC_${d}_URL` },
    }));
  const workload = {
    container: { image: `registry.example/bench/${name}:1` },
    endpoints: {
      http: {
        type: 'HTTP',
        port: 8080,
        visibility: index % 10 === 0 ? ['project', 'external'] : ['project'],
      },
    },
    dependencies: { endpoints: dependencies },
  };
  const owner = { projectName: PROJECT, componentName: name };
  const releases = ['1', '2'].map(n => ({
    apiVersion: API,
    kind: 'ComponentRelease',
    metadata: {
      name: `${name}-r${n}`,
      namespace: NS,
      creationTimestamp: `2026-07-0${n}T00:00:00Z`,
    },
    spec: {
      owner,
      componentType: {
        kind: 'ClusterComponentType',
        name: 'deployment/service',
        spec: { workloadType: 'deployment', resources: [] },
      },
      workload,
    },
  }));
  const bindings = ENVS.map((env, i) => ({
    apiVersion: API,
    kind: 'ReleaseBinding',
    metadata: {
      name: `${name}-${env}`,
      namespace: NS,
      creationTimestamp: READY_AT,
    },
    spec: { owner, environment: env, releaseName: `${name}-r${i < 2 ? 2 : 1}` },
    status: {
      observedGeneration: 1,
      conditions: [
        ready('ReleaseSynced', 'ReleaseSynced'),
        ready('ResourcesReady', 'ResourcesReady'),
        ready('Ready', 'Ready'),
      ],
      endpoints: [
        {
          name: 'http',
          type: 'HTTP',
          serviceURL: {
            scheme: 'http',
            host: `${name}.dp-${NS}-${PROJECT}-${env}.svc.cluster.local`,
            port: 8080,
          },
        },
      ],
    },
  }));
  return [
    {
      apiVersion: API,
      kind: 'Component',
      metadata: { name, namespace: NS },
      spec: {
        owner: { projectName: PROJECT },
        componentType: {
          kind: 'ClusterComponentType',
          name: 'deployment/service',
        },
        autoDeploy: true,
      },
      status: { latestRelease: { name: `${name}-r2` } },
    },
    {
      apiVersion: API,
      kind: 'Workload',
      metadata: { name: `${name}-workload`, namespace: NS },
      spec: { owner, ...workload },
    },
    ...releases,
    ...bindings,
  ];
}

/** Writes a namespace with one project of `components` components; returns their names. */
export async function writeSyntheticProject(
  dir: string,
  components: number,
): Promise<string[]> {
  const platform = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: NS,
        labels: { 'openchoreo.dev/control-plane': 'true' },
      },
    },
    ...ENVS.map(env => ({
      apiVersion: API,
      kind: 'Environment',
      metadata: { name: env, namespace: NS },
      spec: { isProduction: env === 'production' },
    })),
    {
      apiVersion: API,
      kind: 'DeploymentPipeline',
      metadata: { name: 'default', namespace: NS },
      spec: {
        promotionPaths: [
          {
            sourceEnvironmentRef: { name: 'development' },
            targetEnvironmentRefs: [{ name: 'staging' }],
          },
          {
            sourceEnvironmentRef: { name: 'staging' },
            targetEnvironmentRefs: [{ name: 'production' }],
          },
        ],
      },
    },
    {
      apiVersion: API,
      kind: 'Project',
      metadata: { name: PROJECT, namespace: NS },
      spec: {
        deploymentPipelineRef: { name: 'default' },
        type: { kind: 'ClusterProjectType', name: 'default' },
      },
    },
  ];
  // JSON is YAML; one document per `---`
  const yaml = (docs: object[]) =>
    docs.map(d => `---\n${JSON.stringify(d)}\n`).join('');
  await fs.mkdir(path.join(dir, 'components'), { recursive: true });
  await fs.writeFile(path.join(dir, 'platform.yaml'), yaml(platform));
  const names: string[] = [];
  for (let i = 0; i < components; i++) {
    const docs = componentManifests(i);
    names.push(`svc-${String(i).padStart(4, '0')}`);
    await fs.writeFile(
      path.join(dir, 'components', `${names[i]}.yaml`),
      yaml(docs),
    );
  }
  return names;
}

export const SYNTHETIC = { namespace: NS, project: PROJECT };
