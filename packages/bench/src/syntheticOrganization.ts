import {
  CHOREO_ANNOTATIONS,
  CHOREO_API_VERSION,
  ChoreoResource,
  Component,
  ComponentRelease,
  EndpointDependency,
  Project,
  ReleaseBinding,
  Workload,
  WorkloadEndpoint,
} from '@choreo-for-backstage/plugin-choreo-common';
import { SeededRandom } from '@choreo-for-backstage/plugin-choreo-node/testUtils';
import { syntheticEndpoints } from './syntheticEndpoints';
import {
  deployedBindingStatus,
  releasedComponentStatus,
} from './syntheticStatus';
import { DOMAINS, RESOURCES, ROLES } from './syntheticNames';
import {
  BUILDER_WORKFLOW,
  SYNTHETIC_COMPONENT_TYPES,
  SYNTHETIC_ENVIRONMENTS,
  SyntheticComponentType,
  syntheticPlatform,
} from './syntheticPlatform';

export interface SyntheticOrganizationOptions {
  /** Control-plane namespace; default `bench`. */
  namespace?: string;
  /** Default 50. */
  projects?: number;
  /** Spread over the projects; default 10,000. */
  components?: number;
  /** ReleaseBindings per component, 0–3 (development, staging, production); default 3. */
  bindingsPerComponent?: number;
  /** One ComponentRelease per component, which the bindings point at; default true. */
  componentReleases?: boolean;
  /** Same seed, same organization; default 1. */
  seed?: number;
  /**
   * Give bindings and components the status the controllers report once
   * deployed (Ready, endpoint URLs, latest release), as read-model benchmarks
   * need; default false. Changes nothing else.
   */
  deployedStatus?: boolean;
}

/** The generated resources and the names a benchmark needs to pick changes. */
export interface SyntheticOrganization {
  namespace: string;
  resources: ChoreoResource[];
  projects: string[];
  components: Array<{ name: string; project: string }>;
}

const COMPONENT_TYPE_WEIGHTS: ReadonlyArray<
  readonly [SyntheticComponentType, number]
> = SYNTHETIC_COMPONENT_TYPES.map(type => {
  const weights: Record<string, number> = {
    service: 60,
    'web-application': 15,
    'scheduled-task': 10,
    worker: 15,
  };
  return [type, weights[type.name] ?? 1] as const;
});

interface Draft {
  name: string;
  project: string;
  endpoints: Record<string, WorkloadEndpoint>;
}

const pad = (value: number, width: number) =>
  String(value).padStart(width, '0');

function projectResource(
  namespace: string,
  name: string,
  team: string,
): Project {
  return {
    apiVersion: CHOREO_API_VERSION,
    kind: 'Project',
    metadata: {
      name,
      namespace,
      annotations: {
        [CHOREO_ANNOTATIONS.displayName]: name.replace(/-/g, ' '),
        [CHOREO_ANNOTATIONS.description]: `Everything the ${team} team runs`,
        [CHOREO_ANNOTATIONS.owner]: `group:default/${team}`,
      },
    },
    spec: {
      deploymentPipelineRef: { name: 'default' },
      type: { kind: 'ClusterProjectType', name: 'default' },
    },
  };
}

/** Endpoints of other components this one calls: mostly its own project, some namespace-visible ones elsewhere. */
function dependenciesOf(
  self: Draft,
  byProject: Map<string, Draft[]>,
  shared: Draft[],
  random: SeededRandom,
): EndpointDependency[] {
  const count = random.weighted([
    [0, 25],
    [1, 35],
    [2, 25],
    [3, 15],
  ] as const);
  const dependencies: EndpointDependency[] = [];
  const seen = new Set<string>([self.name]);
  for (
    let attempt = 0;
    dependencies.length < count && attempt < 10;
    attempt++
  ) {
    const crossProject = random.chance(0.2);
    const target = random.pick(
      crossProject ? shared : byProject.get(self.project)!,
    );
    if (seen.has(target.name)) {
      continue;
    }
    seen.add(target.name);
    const sameProject = target.project === self.project;
    const name = sameProject
      ? random.pick(Object.keys(target.endpoints))
      : Object.keys(target.endpoints)[0];
    dependencies.push({
      ...(sameProject ? {} : { project: target.project }),
      component: target.name,
      name,
      visibility: sameProject ? 'project' : 'namespace',
      envBindings: {
        address: `${target.name}_${name}_ADDR`.toUpperCase().replace(/-/g, '_'),
      },
    });
  }
  return dependencies;
}

/**
 * A large, realistic organization as Choreo resources, the same for the
 * same options: P projects owned by their teams, N components spread over
 * them (services, web applications, scheduled tasks, workers), each with a
 * Workload of 1–3 endpoints and 0–3 endpoint dependencies, a
 * ComponentRelease and ReleaseBindings up to production.
 */
export function syntheticOrganization(
  options: SyntheticOrganizationOptions = {},
): SyntheticOrganization {
  const namespace = options.namespace ?? 'bench';
  const projectCount = Math.max(1, options.projects ?? 50);
  const componentCount = Math.max(0, options.components ?? 10_000);
  const bindings = Math.min(3, Math.max(0, options.bindingsPerComponent ?? 3));
  const withReleases = options.componentReleases ?? true;
  const deployed = options.deployedStatus ?? false;
  const random = new SeededRandom(options.seed ?? 1);

  const resources: ChoreoResource[] = syntheticPlatform(namespace);
  const projects: string[] = [];
  for (let p = 0; p < projectCount; p++) {
    const domain = DOMAINS[p % DOMAINS.length];
    const name = `${domain}-${pad(p, 3)}`;
    projects.push(name);
    resources.push(
      projectResource(namespace, name, `${domain}-team-${pad(p, 3)}`),
    );
  }

  const drafts: Draft[] = [];
  const byProject = new Map<string, Draft[]>(projects.map(p => [p, []]));
  for (let c = 0; c < componentCount; c++) {
    const project = projects[c % projectCount];
    const resource = random.pick(RESOURCES);
    const name = `${project}-${resource}-${random.pick(ROLES)}-${pad(c, 5)}`;
    const draft = {
      name,
      project,
      endpoints: syntheticEndpoints(name, `${resource} ${c}`, resource, random),
    };
    drafts.push(draft);
    byProject.get(project)!.push(draft);
  }
  const shared = drafts.filter(d =>
    Object.values(d.endpoints)[0].visibility?.includes('namespace'),
  );

  for (const draft of drafts) {
    const type = random.weighted(COMPONENT_TYPE_WEIGHTS);
    const owner = { projectName: draft.project, componentName: draft.name };
    const component: Component = {
      apiVersion: CHOREO_API_VERSION,
      kind: 'Component',
      metadata: {
        name: draft.name,
        namespace,
        annotations: {
          [CHOREO_ANNOTATIONS.displayName]: draft.name.replace(/-/g, ' '),
          [CHOREO_ANNOTATIONS.description]: `A ${type.name} of project ${draft.project}`,
        },
      },
      spec: {
        owner: { projectName: draft.project },
        componentType: { kind: 'ClusterComponentType', name: type.ref },
        autoDeploy: true,
        parameters: { replicas: random.int(1, 4) },
        workflow: {
          kind: 'ClusterWorkflow',
          name: BUILDER_WORKFLOW,
          parameters: {
            repository: {
              url: `https://github.com/${namespace}-sample/${draft.project}`,
              revision: { branch: 'main' },
              appPath: `/${draft.name}`,
            },
          },
        },
      },
    };
    const dependencies = dependenciesOf(draft, byProject, shared, random);
    const workloadSpec = {
      container: {
        image: `registry.example.com/${namespace}/${draft.name}:${random.hex(
          7,
        )}`,
      },
      endpoints: draft.endpoints,
      ...(dependencies.length > 0
        ? { dependencies: { endpoints: dependencies } }
        : {}),
    };
    const workload: Workload = {
      apiVersion: CHOREO_API_VERSION,
      kind: 'Workload',
      metadata: { name: `${draft.name}-workload`, namespace },
      spec: { owner, ...workloadSpec },
    };
    const releaseName = `${draft.name}-${random.hex(9)}`;
    resources.push(
      deployed && withReleases
        ? releasedComponentStatus(component, releaseName)
        : component,
      workload,
    );
    if (withReleases) {
      const release: ComponentRelease = {
        apiVersion: CHOREO_API_VERSION,
        kind: 'ComponentRelease',
        metadata: { name: releaseName, namespace },
        spec: {
          owner,
          componentType: {
            kind: 'ClusterComponentType',
            name: type.ref,
            spec: type.spec,
          },
          componentProfile: { parameters: component.spec.parameters },
          workload: workloadSpec,
        },
      };
      resources.push(release);
    }
    for (const environment of SYNTHETIC_ENVIRONMENTS.slice(0, bindings)) {
      const binding: ReleaseBinding = {
        apiVersion: CHOREO_API_VERSION,
        kind: 'ReleaseBinding',
        metadata: { name: `${draft.name}-${environment}`, namespace },
        spec: {
          owner,
          environment,
          releaseName,
          componentTypeEnvironmentConfigs: {
            logLevel: environment === 'development' ? 'debug' : 'info',
          },
        },
      };
      resources.push(
        deployed ? deployedBindingStatus(binding, draft.endpoints) : binding,
      );
    }
  }
  return {
    namespace,
    resources,
    projects,
    components: drafts.map(({ name, project }) => ({ name, project })),
  };
}
