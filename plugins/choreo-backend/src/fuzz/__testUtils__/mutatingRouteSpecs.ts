import fc from 'fast-check';
import { Broken, Shape, validValue } from './bodyShapes';
import { isChoreoName, labelName } from './hostileInputs';
import {
  cellGraph,
  componentBody,
  decisionBody,
  dependencyBody,
  environmentBody,
  environmentOnly,
  pipelineBody,
  projectBody,
  promoteBody,
  rollbackBody,
  triggerBody,
} from './routeBodies';
import { SampleFacts } from './sampleFacts';

/**
 * Every mutating route of the choreo backend as the fuzz test drives it:
 * its path, who it takes, and its body's shape, mirrored from the zod
 * schemas in the *Routes.ts files (keep them in step).
 */

/** What the path parameters name: their rule and what must exist. */
export type ParamsKind =
  | 'component'
  | 'project'
  | 'namespace'
  | 'changeRequest';

export interface RouteSpec {
  name: string;
  params: ParamsKind;
  /** The path after /api/choreo, from wire-encoded segments. */
  path: (segments: string[]) => string;
  /** Takes only people: a service token gets 403. */
  write: boolean;
  /** Reads `?dryRun=true|false`. */
  dryRun: boolean;
  body: Shape;
  /** The JSON parser's limit for this route, in bytes. */
  jsonLimit: number;
  /** Authorizes on the resource before reading the body: a missing one is 404 first. */
  resourceBeforeBody: boolean;
  /** Schema-valid bodies the sample refuses (names that do not exist); with a path that exists. */
  semantic?: (facts: SampleFacts) => fc.Arbitrary<Broken>;
}

export const KB_100 = 100 * 1024;
const MB_8 = 8 * 1024 * 1024;

/** A valid name that is none of `existing`, often one that looks like it. */
export const missingName = (existing: readonly string[]) => {
  const lookAlikes = existing.length
    ? [
        fc.constantFrom(...existing).map(n => `${n}-x`),
        fc.constantFrom(...existing).map(n => `${n}2`),
      ]
    : [];
  return fc
    .oneof(
      labelName,
      ...lookAlikes,
      fc.constantFrom(
        'prod',
        'stage',
        'dev',
        'qa',
        'default',
        'acme-corp',
        'kube-system',
      ),
    )
    .filter(n => !existing.includes(n) && isChoreoName(n));
};

/** A valid body of `shape` with `field` set to `value`. */
const withField = (
  shape: Shape,
  field: string,
  value: fc.Arbitrary<unknown>,
  how: string,
) =>
  fc
    .tuple(validValue(shape) as fc.Arbitrary<Record<string, unknown>>, value)
    .map(([body, v]) => ({ value: { ...body, [field]: v }, how }));

const componentRoute = (
  action: string,
  body: Shape,
  semantic?: RouteSpec['semantic'],
): RouteSpec => ({
  name: `POST /components/:namespace/:name/${action}`,
  params: 'component',
  path: ([ns, name]) => `/components/${ns}/${name}/${action}`,
  write: true,
  dryRun: false,
  body,
  jsonLimit: KB_100,
  resourceBeforeBody: false,
  semantic,
});

const missingEnvironment: RouteSpec['semantic'] = facts =>
  missingName(facts.environments).map(environment => ({
    value: { environment },
    how: `environment '${environment}' does not exist`,
  }));

const namespaceRoute = (
  kind: string,
  body: Shape,
  semantic: RouteSpec['semantic'],
): RouteSpec => ({
  name: `POST /namespaces/:namespace/${kind}`,
  params: 'namespace',
  path: ([ns]) => `/namespaces/${ns}/${kind}`,
  write: true,
  dryRun: true,
  body,
  jsonLimit: KB_100,
  resourceBeforeBody: false,
  semantic,
});

const decisionRoute = (decision: string): RouteSpec => ({
  name: `POST /change-requests/:id/${decision}`,
  params: 'changeRequest',
  path: ([id]) => `/change-requests/${id}/${decision}`,
  write: true,
  dryRun: false,
  body: decisionBody,
  jsonLimit: KB_100,
  resourceBeforeBody: false,
});

export const MUTATING_ROUTES: RouteSpec[] = [
  componentRoute('promote', promoteBody, facts =>
    fc
      .tuple(
        fc.oneof(
          fc.constantFrom(...facts.environments),
          missingName(facts.environments),
        ),
        missingName(facts.environments),
        fc.boolean(),
      )
      .map(([known, missing, missingIsFrom]) => ({
        value: missingIsFrom
          ? { from: missing, to: known }
          : { from: known, to: missing },
        how: `environment '${missing}' does not exist`,
      })),
  ),
  componentRoute('rollback', rollbackBody, facts =>
    fc.oneof(
      fc
        .tuple(missingName(facts.environments), labelName)
        .map(([environment, releaseName]) => ({
          value: { environment, releaseName },
          how: `environment '${environment}' does not exist`,
        })),
      fc
        .tuple(
          fc.constantFrom(...facts.environments),
          missingName(facts.releases),
        )
        .map(([environment, releaseName]) => ({
          value: { environment, releaseName },
          how: `release '${releaseName}' does not exist`,
        })),
    ),
  ),
  componentRoute('undeploy', environmentOnly, missingEnvironment),
  componentRoute('redeploy', environmentOnly, missingEnvironment),
  componentRoute('restart', environmentOnly, missingEnvironment),
  // any commit builds: a build has no names that could be missing
  componentRoute('builds', triggerBody),
  {
    ...componentRoute('dependencies', dependencyBody, facts =>
      withField(
        dependencyBody,
        'component',
        missingName(Object.keys(facts.components)),
        'the dependency names a component that does not exist',
      ),
    ),
    dryRun: true,
  },
  decisionRoute('approve'),
  decisionRoute('reject'),
  decisionRoute('withdraw'),
  namespaceRoute('projects', projectBody, facts =>
    fc.oneof(
      withField(
        projectBody,
        'deploymentPipeline',
        missingName(facts.pipelines),
        'no such pipeline',
      ),
      withField(
        projectBody,
        'projectType',
        fc.record({
          kind: fc.constantFrom('ProjectType', 'ClusterProjectType'),
          name: missingName([
            ...(facts.names.ProjectType ?? []),
            ...(facts.names.ClusterProjectType ?? []),
          ]),
        }),
        'no such project type',
      ),
    ),
  ),
  namespaceRoute('components', componentBody, facts =>
    fc.oneof(
      withField(
        componentBody,
        'project',
        missingName(facts.projects),
        'no such project',
      ),
      withField(
        componentBody,
        'componentType',
        fc.record({
          kind: fc.constantFrom('ComponentType', 'ClusterComponentType'),
          name: fc.oneof(
            missingName([
              ...(facts.names.ComponentType ?? []),
              ...(facts.names.ClusterComponentType ?? []),
            ]).map(n => `deployment/${n}`),
            // not the {workloadType}/{name} form
            fc.constantFrom(
              ...(facts.names.ClusterComponentType ?? ['service']),
            ),
          ),
        }),
        'no such component type',
      ),
    ),
  ),
  namespaceRoute('environments', environmentBody, facts =>
    withField(
      environmentBody,
      'dataPlaneRef',
      fc.record({
        kind: fc.constantFrom('DataPlane', 'ClusterDataPlane'),
        name: missingName([
          ...(facts.names.DataPlane ?? []),
          ...(facts.names.ClusterDataPlane ?? []),
        ]),
      }),
      'no such data plane',
    ),
  ),
  namespaceRoute('pipelines', pipelineBody, facts =>
    withField(
      pipelineBody,
      'promotionPaths',
      fc
        .tuple(
          missingName(facts.environments),
          fc.constantFrom(...facts.environments),
        )
        .map(([missing, known]) => [
          { sourceEnvironment: missing, targets: [known] },
        ]),
      'the pipeline names an environment that does not exist',
    ),
  ),
  {
    name: 'POST /projects/:namespace/:name/cell-layout',
    params: 'project',
    path: ([ns, name]) => `/projects/${ns}/${name}/cell-layout`,
    write: false,
    dryRun: false,
    body: cellGraph,
    jsonLimit: MB_8,
    resourceBeforeBody: true,
  },
];
