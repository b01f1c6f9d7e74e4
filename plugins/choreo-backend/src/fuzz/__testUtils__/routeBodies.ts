import { CELL_LAYOUT_LIMITS } from '@choreo-for-backstage/plugin-choreo-common';
import fc from 'fast-check';
import { z } from 'zod';
import { Field, Shape, object, optional, str, validValue } from './bodyShapes';
import {
  invalidName,
  isChoreoName,
  isKubernetesName,
  labelName,
  subdomainButNotLabel,
} from './hostileInputs';

/**
 * The request bodies of the mutating routes as Shapes, mirrored from the
 * zod schemas in deploymentRoutes, approvalRoutes, buildRoutes,
 * creationRoutes and cellLayoutRoutes (which stay private to their files):
 * keep them in step.
 */

const lengthAtMost = (max: number): Shape =>
  str(
    fc.string({ maxLength: 20 }),
    s => s.length <= max,
    fc.integer({ min: max + 1, max: max + 40 }).map(n => 'x'.repeat(n)),
  );
const nonEmpty = str(
  fc.string({ minLength: 1, maxLength: 20 }),
  s => s.length >= 1,
  fc.constant(''),
);
const anyString = str(fc.string({ maxLength: 20 }), () => true);

const k8sName = str(
  fc.oneof(labelName, subdomainButNotLabel),
  isKubernetesName,
  invalidName,
);
const choreoName = str(
  labelName,
  isChoreoName,
  fc.oneof(invalidName, subdomainButNotLabel),
);
const ENV_VAR = /^[A-Za-z_][A-Za-z0-9_]*$/;
const envVarName = str(
  fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/),
  s => ENV_VAR.test(s),
  fc.constantFrom('', '1ADDR', 'LEDGER-ADDR', 'LEDGER ADDR', 'ÄDDR', '$ADDR'),
);
const port: Shape = {
  type: 'number',
  valid: fc.integer({ min: 1, max: 65535 }),
  accepts: n => Number.isInteger(n) && n >= 1 && n <= 65535,
  invalid: fc.oneof(
    fc.constantFrom(0, -1, 65536, 1.5, 1e21, -0),
    fc.double().filter(n => !(Number.isInteger(n) && n >= 1 && n <= 65535)),
  ),
};
const url = z.string().url();
const repositoryUrl = str(
  fc.webUrl(),
  s => url.safeParse(s).success,
  fc.constantFrom('', 'not a url', 'github.com/acme/x', '://x', 'http//x'),
);
const kinds = (...values: string[]): Shape => ({ type: 'enum', values });
const described: Record<string, Field> = {
  displayName: optional(lengthAtMost(253)),
  description: optional(lengthAtMost(2000)),
  owner: optional(nonEmpty),
};
const record: Shape = { type: 'record', maxDepth: 32 };

export const dependencyBody = object({
  project: optional(choreoName),
  component: choreoName,
  name: choreoName,
  visibility: kinds('project', 'namespace'),
  envBindings: optional(
    object({
      address: optional(envVarName),
      host: optional(envVarName),
      port: optional(envVarName),
      basePath: optional(envVarName),
    }),
  ),
});

const endpointBody = object({
  name: choreoName,
  type: kinds('HTTP', 'gRPC', 'GraphQL', 'Websocket', 'TCP', 'UDP'),
  port,
  targetPort: optional(port),
  displayName: optional(anyString),
  visibility: optional({
    type: 'array',
    item: kinds('project', 'namespace', 'internal', 'external'),
    min: 0,
    max: Infinity,
  }),
  basePath: optional(
    str(
      fc.string({ maxLength: 10 }).map(s => `/${s}`),
      s => s.startsWith('/'),
      fc.constantFrom('', 'api', '\\api', ' /api'),
    ),
  ),
  schema: optional(
    object({ type: optional(anyString), content: optional(anyString) }),
  ),
});

const sourceBody: Shape = {
  type: 'union',
  options: [
    object({
      image: str(
        fc.constantFrom('registry.acme.example/x:1', 'nginx'),
        s => s.trim().length >= 1,
        fc.constantFrom('', ' ', '\t\n'),
      ),
    }),
    object({
      repository: object({
        url: repositoryUrl,
        branch: optional(nonEmpty),
        appPath: optional(nonEmpty),
      }),
      workflow: object({
        kind: optional(kinds('Workflow', 'ClusterWorkflow')),
        name: choreoName,
        parameters: optional(record),
      }),
    }),
  ],
};

export const componentBody = object({
  project: choreoName,
  name: choreoName,
  ...described,
  componentType: object({
    kind: kinds('ComponentType', 'ClusterComponentType'),
    name: nonEmpty,
  }),
  parameters: optional(record),
  autoDeploy: optional({ type: 'boolean' }),
  source: sourceBody,
  endpoints: optional({
    type: 'array',
    item: endpointBody,
    min: 0,
    max: Infinity,
    uniqueBy: e => (e as { name: string }).name,
    breaksRefinement: validValue(endpointBody).map(e => [e, e]),
  }),
  dependencies: optional({
    type: 'array',
    item: dependencyBody,
    min: 0,
    max: 50,
  }),
});

export const projectBody = object({
  name: choreoName,
  ...described,
  deploymentPipeline: optional(choreoName),
  projectType: optional(
    object({
      kind: kinds('ProjectType', 'ClusterProjectType'),
      name: choreoName,
    }),
  ),
});

export const environmentBody = object({
  name: choreoName,
  ...described,
  dataPlaneRef: object({
    kind: kinds('DataPlane', 'ClusterDataPlane'),
    name: choreoName,
  }),
  isProduction: optional({ type: 'boolean' }),
});

interface PromotionPath {
  sourceEnvironment: string;
  targets: string[];
}
const notToItself = (p: Record<string, unknown>) =>
  !(p as unknown as PromotionPath).targets.includes(
    (p as unknown as PromotionPath).sourceEnvironment,
  );
export const pipelineBody = object({
  name: choreoName,
  ...described,
  promotionPaths: {
    type: 'array',
    min: 1,
    max: Infinity,
    item: object(
      {
        sourceEnvironment: choreoName,
        targets: { type: 'array', item: choreoName, min: 1, max: Infinity },
      },
      {
        refine: notToItself,
        breaksRefinement: fc
          .tuple(labelName, fc.array(labelName, { maxLength: 2 }))
          .map(([env, others]) => ({
            sourceEnvironment: env,
            targets: [...others, env],
          })),
      },
    ),
  },
});

const size: Shape = {
  type: 'number',
  valid: fc.integer({ min: 1, max: 100_000 }),
  accepts: n => n > 0 && n <= 100_000,
  invalid: fc.constantFrom(0, -1, 100_001, 1e300, -0),
};
const nodeId = str(
  fc.string({ minLength: 1, maxLength: 12 }),
  s => s.length >= 1 && s.length <= 1000,
  fc.oneof(fc.constant(''), fc.constant('n'.repeat(1001))),
);
const cellNode = object(
  {
    id: nodeId,
    width: size,
    height: size,
    partition: { type: 'enum', values: [0, 1, 2] },
  },
  { strict: false },
);
interface CellGraph {
  nodes: { id: string }[];
  edges: { source: string; target: string }[];
}
const graphIsConsistent = (g: Record<string, unknown>) => {
  const { nodes, edges } = g as unknown as CellGraph;
  const ids = new Set(nodes.map(n => n.id));
  return (
    ids.size === nodes.length &&
    edges.every(e => ids.has(e.source) && ids.has(e.target))
  );
};
/** Mirrors cellLayoutGraph in cellLayoutRoutes.ts, plus the route's own checks. */
export const cellGraph = object(
  {
    nodes: {
      type: 'array',
      item: cellNode,
      min: 1,
      max: CELL_LAYOUT_LIMITS.nodes,
      uniqueBy: n => (n as { id: string }).id,
      breaksRefinement: fc
        .integer({
          min: CELL_LAYOUT_LIMITS.nodes + 1,
          max: CELL_LAYOUT_LIMITS.nodes + 5,
        })
        .map(n =>
          Array.from({ length: n }, (_, i) => ({
            id: `n${i}`,
            width: 1,
            height: 1,
            partition: 0,
          })),
        ),
    },
    edges: {
      type: 'array',
      item: object({ source: nodeId, target: nodeId }, { strict: false }),
      min: 0,
      max: CELL_LAYOUT_LIMITS.edges,
    },
  },
  {
    strict: false,
    generate: fc
      .uniqueArray(validValue(cellNode), {
        minLength: 1,
        maxLength: 4,
        selector: n => (n as { id: string }).id,
      })
      .chain(nodes => {
        const ids = nodes.map(n => (n as { id: string }).id);
        const edge = fc.record({
          source: fc.constantFrom(...ids),
          target: fc.constantFrom(...ids),
        });
        return fc.record({
          nodes: fc.constant(nodes),
          edges: fc.array(edge, { maxLength: 3 }),
        });
      }),
    refine: graphIsConsistent,
    // what zod lets through and the route refuses: a node twice, an edge to nowhere
    breaksRefinement: fc.oneof(
      validValue(cellNode).map(n => ({ nodes: [n, n], edges: [] })),
      fc
        .tuple(validValue(cellNode), fc.string({ minLength: 1, maxLength: 8 }))
        .filter(([n, other]) => (n as { id: string }).id !== other)
        .map(([n, other]) => ({
          nodes: [n],
          edges: [{ source: (n as { id: string }).id, target: other }],
        })),
    ),
  },
);

export const promoteBody = object({ from: k8sName, to: k8sName });
export const rollbackBody = object({
  environment: k8sName,
  releaseName: k8sName,
});
export const environmentOnly = object({ environment: k8sName });
export const decisionBody = object({ comment: optional(lengthAtMost(2000)) });
export const triggerBody = object({
  commit: optional(
    str(
      fc.stringMatching(/^[0-9a-f]{7,40}$/),
      s => /^[0-9a-f]{7,40}$/.test(s),
      fc.constantFrom(
        'abc',
        'ABCDEF1',
        'g123456',
        'a'.repeat(41),
        'HEAD',
        'main',
        '',
      ),
    ),
  ),
});
