import { DeploymentPipeline } from '../resources';

/** Something wrong or noteworthy about a pipeline; never thrown, only reported. */
export interface PipelineProblem {
  code: 'empty' | 'no-root' | 'multiple-roots' | 'cycle';
  message: string;
  /** The environments involved, when there are any. */
  environments?: string[];
}

/** The promotion graph of one DeploymentPipeline. */
export interface PromotionGraph {
  pipelineName?: string;
  /** Every environment in the pipeline, roots first, then by promotion depth. */
  environments: string[];
  /** Environments that are a source but never a target. */
  roots: string[];
  /**
   * The environment OpenChoreo deploys to first (autoDeploy): the first root
   * in `promotionPaths` order, as the Component controller picks it.
   */
  root?: string;
  /** Column of each environment: 0 for roots, else the longest path from a root. */
  depth: ReadonlyMap<string, number>;
  next: ReadonlyMap<string, readonly string[]>;
  previous: ReadonlyMap<string, readonly string[]>;
  problems: PipelineProblem[];
}

type PipelineLike = Pick<DeploymentPipeline, 'spec'> & {
  metadata?: { name?: string };
};

function pushUnique(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/**
 * Build the promotion graph of a pipeline. Empty, rootless and cyclic
 * pipelines yield a graph with `problems` rather than an error, so callers
 * can still show what is there.
 */
export function buildPromotionGraph(
  pipeline: PipelineLike | undefined,
): PromotionGraph {
  const pipelineName = pipeline?.metadata?.name;
  const label = pipelineName
    ? `Deployment pipeline '${pipelineName}'`
    : 'The deployment pipeline';
  const seen: string[] = []; // first-appearance order keeps the output stable
  const see = (env: string) => {
    if (!seen.includes(env)) seen.push(env);
  };
  const next = new Map<string, string[]>();
  const previous = new Map<string, string[]>();
  const sources: string[] = [];

  for (const path of pipeline?.spec?.promotionPaths ?? []) {
    const source = path.sourceEnvironmentRef?.name;
    if (!source) continue; // OpenChoreo skips nameless sources too
    see(source);
    sources.push(source);
    for (const ref of path.targetEnvironmentRefs ?? []) {
      if (!ref?.name) continue;
      see(ref.name);
      pushUnique(next, source, ref.name);
      pushUnique(previous, ref.name, source);
    }
  }

  const problems: PipelineProblem[] = [];
  if (seen.length === 0) {
    problems.push({
      code: 'empty',
      message: `${label} has no promotion paths`,
    });
  }

  const roots = seen.filter(env => !previous.has(env));
  const root = sources.find(env => !previous.has(env));
  if (seen.length > 0 && roots.length === 0) {
    problems.push({
      code: 'no-root',
      message: `${label} has no first environment: every environment is also a promotion target`,
    });
  }
  if (roots.length > 1) {
    problems.push({
      code: 'multiple-roots',
      message: `${label} starts in several environments (${roots.join(
        ', ',
      )}); automatic deploys go to '${root}' only`,
      environments: roots,
    });
  }

  // Kahn's algorithm; depth = longest distance from a root so branches line up in columns.
  const depth = new Map<string, number>();
  const inDegree = new Map(
    seen.map(env => [env, previous.get(env)?.length ?? 0]),
  );
  const ready = [...roots];
  roots.forEach(env => depth.set(env, 0));
  while (ready.length > 0) {
    const env = ready.shift()!;
    for (const target of next.get(env) ?? []) {
      depth.set(target, Math.max(depth.get(target) ?? 0, depth.get(env)! + 1));
      const remaining = inDegree.get(target)! - 1;
      inDegree.set(target, remaining);
      if (remaining === 0) ready.push(target);
    }
  }

  const stuck = seen.filter(env => (inDegree.get(env) ?? 0) > 0);
  if (stuck.length > 0) {
    problems.push({
      code: 'cycle',
      message: `${label} has a promotion cycle; these environments cannot be ordered: ${stuck.join(
        ', ',
      )}`,
      environments: stuck,
    });
    const after = Math.max(-1, ...depth.values()) + 1;
    stuck.forEach(env => depth.set(env, after));
  }

  const environments = [...seen].sort(
    (a, b) =>
      depth.get(a)! - depth.get(b)! || seen.indexOf(a) - seen.indexOf(b),
  );

  return {
    pipelineName,
    environments,
    roots,
    root,
    depth,
    next,
    previous,
    problems,
  };
}

/** Environments a release in `environment` may be promoted to directly. */
export function nextEnvironments(
  graph: PromotionGraph,
  environment: string,
): readonly string[] {
  return graph.next.get(environment) ?? [];
}

/** Environments that promote directly into `environment`. */
export function previousEnvironments(
  graph: PromotionGraph,
  environment: string,
): readonly string[] {
  return graph.previous.get(environment) ?? [];
}

/** Why a promotion is refused; `reason` is written for the person who asked. */
export type PromotionCheck =
  | { allowed: true }
  | {
      allowed: false;
      code:
        | 'same-environment'
        | 'unknown-source'
        | 'unknown-target'
        | 'not-a-direct-path';
      reason: string;
    };

/** Whether the pipeline lets a release move from `source` to `target` in one step. */
export function checkPromotion(
  graph: PromotionGraph,
  source: string,
  target: string,
): PromotionCheck {
  const pipeline = graph.pipelineName
    ? `deployment pipeline '${graph.pipelineName}'`
    : 'the deployment pipeline';
  if (source === target) {
    return {
      allowed: false,
      code: 'same-environment',
      reason: `Cannot promote '${source}' to itself; choose a different target environment`,
    };
  }
  if (!graph.environments.includes(source)) {
    return {
      allowed: false,
      code: 'unknown-source',
      reason: `Environment '${source}' is not part of ${pipeline}`,
    };
  }
  if (!graph.environments.includes(target)) {
    return {
      allowed: false,
      code: 'unknown-target',
      reason: `Environment '${target}' is not part of ${pipeline}`,
    };
  }
  const targets = nextEnvironments(graph, source);
  if (!targets.includes(target)) {
    const instead =
      targets.length > 0
        ? `'${source}' promotes only to ${targets
            .map(t => `'${t}'`)
            .join(', ')}`
        : `'${source}' is the last environment`;
    return {
      allowed: false,
      code: 'not-a-direct-path',
      reason: `Cannot promote from '${source}' to '${target}': ${pipeline} has no such path (${instead})`,
    };
  }
  return { allowed: true };
}
