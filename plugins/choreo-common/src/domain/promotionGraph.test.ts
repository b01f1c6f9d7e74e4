import { DeploymentPipeline } from '../resources';
import {
  buildPromotionGraph,
  checkPromotion,
  nextEnvironments,
  previousEnvironments,
} from './promotionGraph';

function pipeline(
  paths: Array<[string, string[]]>,
  name = 'default',
): DeploymentPipeline {
  return {
    apiVersion: 'openchoreo.dev/v1alpha1',
    kind: 'DeploymentPipeline',
    metadata: { name, namespace: 'default' },
    spec: {
      promotionPaths: paths.map(([source, targets]) => ({
        sourceEnvironmentRef: { kind: 'Environment', name: source },
        targetEnvironmentRefs: targets.map(t => ({ name: t })),
      })),
    },
  };
}

// The getting-started sample pipeline.
const linear = pipeline([
  ['development', ['staging']],
  ['staging', ['production']],
]);

describe('buildPromotionGraph', () => {
  it('orders the sample pipeline development -> staging -> production', () => {
    const graph = buildPromotionGraph(linear);
    expect(graph.root).toBe('development');
    expect(graph.roots).toEqual(['development']);
    expect(graph.environments).toEqual([
      'development',
      'staging',
      'production',
    ]);
    expect(graph.problems).toEqual([]);
  });

  it('lines up a branching pipeline by depth, stable however the paths are written', () => {
    const a = buildPromotionGraph(
      pipeline([
        ['dev', ['staging', 'qa']],
        ['staging', ['prod']],
      ]),
    );
    const b = buildPromotionGraph(
      pipeline([
        ['staging', ['prod']],
        ['dev', ['staging', 'qa']],
      ]),
    );
    expect(a.environments).toEqual(['dev', 'staging', 'qa', 'prod']);
    expect(a.depth.get('qa')).toBe(1);
    expect(a.depth.get('prod')).toBe(2);
    expect(b.environments).toEqual(a.environments);
    expect(b.root).toBe('dev');
  });

  it('places a diamond join after both of its sources', () => {
    const graph = buildPromotionGraph(
      pipeline([
        ['dev', ['qa', 'perf']],
        ['qa', ['prod']],
        ['perf', ['uat']],
        ['uat', ['prod']],
      ]),
    );
    expect(graph.environments).toEqual(['dev', 'qa', 'perf', 'uat', 'prod']);
    expect(previousEnvironments(graph, 'prod')).toEqual(['qa', 'uat']);
  });

  it('treats a single environment with no targets as a one-stage pipeline', () => {
    const graph = buildPromotionGraph(pipeline([['dev', []]]));
    expect(graph.environments).toEqual(['dev']);
    expect(graph.root).toBe('dev');
    expect(graph.problems).toEqual([]);
  });

  it('reports an empty pipeline instead of throwing', () => {
    const graph = buildPromotionGraph(pipeline([], 'empty'));
    expect(graph.environments).toEqual([]);
    expect(graph.root).toBeUndefined();
    expect(graph.problems).toEqual([
      {
        code: 'empty',
        message: "Deployment pipeline 'empty' has no promotion paths",
      },
    ]);
    expect(buildPromotionGraph(undefined).problems[0].code).toBe('empty');
  });

  it('reports a cycle and still lists every environment', () => {
    const graph = buildPromotionGraph(
      pipeline([
        ['dev', ['staging']],
        ['staging', ['prod']],
        ['prod', ['staging']],
      ]),
    );
    expect(graph.root).toBe('dev');
    expect(graph.environments).toEqual(['dev', 'staging', 'prod']);
    const cycle = graph.problems.find(p => p.code === 'cycle');
    expect(cycle?.environments).toEqual(['staging', 'prod']);
    expect(cycle?.message).toMatch(/cycle/);
  });

  it('reports a pipeline where every environment is a target', () => {
    const graph = buildPromotionGraph(
      pipeline([
        ['a', ['b']],
        ['b', ['a']],
      ]),
    );
    expect(graph.root).toBeUndefined();
    expect(graph.problems.map(p => p.code)).toEqual(['no-root', 'cycle']);
    expect(graph.environments).toEqual(['a', 'b']);
  });

  it('notes several roots and picks the first, as OpenChoreo does for autoDeploy', () => {
    const graph = buildPromotionGraph(
      pipeline([
        ['dev', ['prod']],
        ['hotfix', ['prod']],
      ]),
    );
    expect(graph.roots).toEqual(['dev', 'hotfix']);
    expect(graph.root).toBe('dev');
    expect(graph.problems[0]).toMatchObject({
      code: 'multiple-roots',
      environments: ['dev', 'hotfix'],
    });
  });

  it('ignores nameless refs and duplicate targets', () => {
    const p = pipeline([['dev', ['staging', 'staging', '']]]);
    p.spec.promotionPaths!.push({
      sourceEnvironmentRef: { name: '' },
      targetEnvironmentRefs: [{ name: 'dev' }],
    });
    const graph = buildPromotionGraph(p);
    expect(graph.environments).toEqual(['dev', 'staging']);
    expect(nextEnvironments(graph, 'dev')).toEqual(['staging']);
    expect(graph.root).toBe('dev');
  });
});

describe('nextEnvironments', () => {
  it('lists direct targets only', () => {
    const graph = buildPromotionGraph(linear);
    expect(nextEnvironments(graph, 'development')).toEqual(['staging']);
    expect(nextEnvironments(graph, 'production')).toEqual([]);
    expect(nextEnvironments(graph, 'nowhere')).toEqual([]);
  });
});

describe('checkPromotion', () => {
  const graph = buildPromotionGraph(linear);

  it('allows a direct path', () => {
    expect(checkPromotion(graph, 'development', 'staging')).toEqual({
      allowed: true,
    });
  });

  it('refuses going backwards, saying where the source may go instead', () => {
    expect(checkPromotion(graph, 'staging', 'development')).toEqual({
      allowed: false,
      code: 'not-a-direct-path',
      reason:
        "Cannot promote from 'staging' to 'development': deployment pipeline 'default' has no such path ('staging' promotes only to 'production')",
    });
  });

  it('refuses skipping a stage', () => {
    const check = checkPromotion(graph, 'development', 'production');
    expect(check).toMatchObject({ allowed: false, code: 'not-a-direct-path' });
  });

  it('refuses promoting out of the last environment', () => {
    const check = checkPromotion(graph, 'production', 'staging');
    expect(check.allowed).toBe(false);
    expect(!check.allowed && check.reason).toMatch(
      /'production' is the last environment/,
    );
  });

  it('refuses the same environment and unknown ones', () => {
    expect(checkPromotion(graph, 'staging', 'staging')).toMatchObject({
      allowed: false,
      code: 'same-environment',
    });
    expect(checkPromotion(graph, 'qa', 'staging')).toEqual({
      allowed: false,
      code: 'unknown-source',
      reason: "Environment 'qa' is not part of deployment pipeline 'default'",
    });
    expect(checkPromotion(graph, 'staging', 'qa')).toMatchObject({
      allowed: false,
      code: 'unknown-target',
    });
  });
});
