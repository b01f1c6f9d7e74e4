import {
  ApprovalSettings,
  CHOREO_ANNOTATIONS,
  ChoreoResourceScope,
  changeNeedsApproval,
  gatedFirstEnvironmentProblem,
  ComponentDeployments,
  ComponentRef,
  DeclaredEndpoint,
  EnvironmentDeployment,
  ReleaseBinding,
  ReleaseSummary,
  endpointVisibilityOf,
  findCondition,
  nextEnvironments,
  summarizeReleaseBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';
import { componentScope } from '../permissions/scopes';
import { ComponentContext, loadComponentContext } from './ComponentContext';
import { deployedEndpoints } from './endpointUrls';

/** The newest of several ISO times (they compare as strings only in one format, so parse). */
function latest(times: Array<string | undefined>): string | undefined {
  let best: { at: number; text: string } | undefined;
  for (const text of times) {
    if (!text) continue;
    const at = Date.parse(text);
    if (Number.isNaN(at)) continue;
    if (!best || at > best.at) best = { at, text };
  }
  return best ? new Date(best.at).toISOString() : undefined;
}

function lastChange(binding: ReleaseBinding): string | undefined {
  return latest([
    binding.metadata.creationTimestamp,
    binding.status?.lastSpecUpdateTime,
    findCondition(binding.status?.conditions, 'Ready')?.lastTransitionTime,
    binding.metadata.annotations?.[CHOREO_ANNOTATIONS.restartedAt],
  ]);
}

/** Read model of a component's deployments along its pipeline; reads only the store. */
export class DeploymentService {
  constructor(
    private readonly store: ChoreoStoreReader,
    private readonly approvals: ApprovalSettings,
  ) {}

  context(ref: ComponentRef): ComponentContext {
    return loadComponentContext(this.store, ref, this.approvals);
  }

  /** The component as permissions see it (404 when the store has no such component). */
  scopeOf(ref: ComponentRef): ChoreoResourceScope {
    return componentScope(this.store, ref);
  }

  deployments(ref: ComponentRef): ComponentDeployments {
    const ctx = this.context(ref);
    const { component, graph } = ctx;
    return {
      component: {
        ...ref,
        project: component.spec.owner?.projectName,
        displayName:
          component.metadata.annotations?.[CHOREO_ANNOTATIONS.displayName],
        autoDeploy: component.spec.autoDeploy === true,
        endpoints: this.declaredEndpoints(ctx),
      },
      pipeline: {
        name: graph.pipelineName,
        environments: graph.environments,
        root: graph.root,
        problems: [
          ...graph.problems.map(p => p.message),
          ...[
            gatedFirstEnvironmentProblem(graph, env =>
              ctx.approvalEnvironments.includes(env),
            ),
          ].filter((p): p is string => !!p),
        ],
      },
      environments: graph.environments.map(env => this.environment(ctx, env)),
      releases: this.releasesOf(ctx),
    };
  }

  releases(ref: ComponentRef): ReleaseSummary[] {
    return this.releasesOf(this.context(ref));
  }

  private environment(
    ctx: ComponentContext,
    env: string,
  ): EnvironmentDeployment {
    const environment = ctx.environments.get(env);
    const binding = ctx.bindings.get(env);
    const needsApproval = (target: string) =>
      ctx.approvalEnvironments.includes(target);
    const gated = needsApproval(env)
      ? this.approvals.changes.filter(change =>
          changeNeedsApproval(this.approvals, change, env, environment),
        )
      : [];
    const deployed = binding?.spec.releaseName !== undefined;
    return {
      environment: env,
      displayName:
        environment?.metadata.annotations?.[CHOREO_ANNOTATIONS.displayName],
      isProduction: environment?.spec?.isProduction === true,
      requiresApproval: needsApproval(env),
      changesNeedingApproval: gated,
      bindingName: binding?.metadata.name,
      releaseName: binding?.spec.releaseName,
      ...(binding
        ? {
            state: binding.spec.state ?? 'Active',
            restartedAt:
              binding.metadata.annotations?.[CHOREO_ANNOTATIONS.restartedAt],
          }
        : {}),
      status: binding
        ? summarizeReleaseBinding(binding)
        : { state: 'not-deployed', message: `Not deployed to '${env}'` },
      endpoints: deployedEndpoints(binding?.status?.endpoints),
      lastChange: binding ? lastChange(binding) : undefined,
      // only a bound, active release can move on
      promotions:
        deployed && binding?.spec.state !== 'Undeploy'
          ? nextEnvironments(ctx.graph, env).map(to => ({
              to,
              requiresApproval: needsApproval(to),
            }))
          : [],
    };
  }

  /** The endpoints of the component's current Workload (of its own project). */
  private declaredEndpoints(ctx: ComponentContext): DeclaredEndpoint[] {
    const project = ctx.component.spec.owner?.projectName;
    const workload = this.store
      .list('Workload', {
        namespace: ctx.ref.namespace,
        component: ctx.ref.name,
      })
      .find(w => w.spec.owner?.projectName === project);
    return Object.entries(workload?.spec.endpoints ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, ep]) => ({
        name,
        type: ep.type,
        port: ep.port,
        visibility: endpointVisibilityOf(ep),
        ...(ep.displayName ? { displayName: ep.displayName } : {}),
      }));
  }

  private releasesOf(ctx: ComponentContext): ReleaseSummary[] {
    const { ref, component } = ctx;
    const deployedIn = new Map<string, string[]>();
    for (const [env, binding] of ctx.bindings) {
      const name = binding.spec.releaseName;
      if (!name || binding.spec.state === 'Undeploy') continue;
      deployedIn.set(name, [...(deployedIn.get(name) ?? []), env]);
    }
    const order = (env: string) => ctx.graph.environments.indexOf(env);
    return this.store
      .list('ComponentRelease', {
        namespace: ref.namespace,
        component: ref.name,
      })
      .filter(
        r => r.spec.owner?.projectName === component.spec.owner?.projectName,
      )
      .map(release => ({
        name: release.metadata.name,
        createdAt: release.metadata.creationTimestamp,
        image: release.spec.workload?.container?.image,
        deployedIn: (deployedIn.get(release.metadata.name) ?? []).sort(
          (a, b) => order(a) - order(b),
        ),
        latest: component.status?.latestRelease?.name === release.metadata.name,
      }))
      .sort(
        (a, b) =>
          (Date.parse(b.createdAt ?? '') || 0) -
            (Date.parse(a.createdAt ?? '') || 0) ||
          b.name.localeCompare(a.name),
      );
  }
}
