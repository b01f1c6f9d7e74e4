import {
  ChoreoResource,
  Component,
  ProjectReleaseBinding,
  ReleaseBinding,
} from '../resources';
import {
  decidingCondition,
  finalizing,
  findCondition,
  fromCondition,
  isStale,
  isTrue,
  StatusSummary,
  waitingForController,
} from './conditionSummary';
import { summarizeResourceReleaseBinding } from './resourceBindingStatus';
import { ReasonContext } from './statusReasons';
import { summarizeWorkflowRun } from './workflowRunStatus';

function list(names: string[]): string {
  return names.length <= 3
    ? names.join(', ')
    : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

/**
 * A ReleaseBinding (a component in one environment). `Ready` copies the
 * reason of the sub-condition that holds it back, so it alone decides; the
 * sub-conditions fill in when `Ready` is absent.
 */
export function summarizeReleaseBinding(
  binding: ReleaseBinding,
): StatusSummary {
  const { spec, status, metadata } = binding;
  const conditions = status?.conditions;
  const ctx: ReasonContext = {
    releaseName: spec.releaseName,
    environment: spec.environment,
    component: spec.owner?.componentName,
    project: spec.owner?.projectName,
  };

  if (spec.state === 'Undeploy') {
    const synced = findCondition(conditions, 'ReleaseSynced');
    if (synced?.reason === 'ReleaseDeletionFailed') {
      return fromCondition('ReleaseBinding', synced, ctx);
    }
    return {
      state: 'undeployed',
      reason: 'ResourcesUndeployed',
      message: `Undeployed from '${spec.environment}'`,
      since: synced?.lastTransitionTime,
    };
  }
  const deleting = finalizing(conditions);
  if (deleting) return deleting;
  if (!conditions?.length) return waitingForController('this deployment');

  const ready = findCondition(conditions, 'Ready');
  if (isStale(metadata, status, ready))
    return waitingForController('the latest change');

  if (isTrue(ready)) {
    // Ready's own reason is always "Ready"; the workload-specific one is nicer.
    const resources = findCondition(conditions, 'ResourcesReady');
    const decider =
      isTrue(resources) && resources!.reason !== 'Ready' ? resources! : ready!;
    return {
      ...fromCondition('ReleaseBinding', decider, ctx),
      since: ready!.lastTransitionTime,
    };
  }

  const decider = decidingCondition(conditions, ready, [
    'ReleaseSynced',
    'ConnectionsResolved',
    'ResourceDependenciesReady',
    'ResourcesReady',
  ]);
  if (!decider) return waitingForController('this deployment');

  if (
    decider.reason === 'ConnectionsPending' &&
    status?.pendingConnections?.length
  ) {
    const names = status.pendingConnections.map(
      p =>
        `${p.project === spec.owner?.projectName ? '' : `${p.project}/`}${
          p.component
        } (endpoint '${p.endpoint}')`,
    );
    return {
      state: 'progressing',
      reason: decider.reason,
      message: `Waiting for dependencies to be deployed in '${
        spec.environment
      }': ${list(names)}`,
      since: decider.lastTransitionTime,
    };
  }
  if (
    decider.reason === 'ResourceDependenciesPending' &&
    status?.pendingResourceDependencies?.length
  ) {
    const names = status.pendingResourceDependencies.map(p => p.resourceName);
    return {
      state: 'progressing',
      reason: decider.reason,
      message: `Waiting for resources to be ready in '${
        spec.environment
      }': ${list(names)}`,
      since: decider.lastTransitionTime,
    };
  }
  return fromCondition('ReleaseBinding', decider, ctx);
}

/** A ProjectReleaseBinding (a project's cell in one environment). */
export function summarizeProjectReleaseBinding(
  binding: ProjectReleaseBinding,
): StatusSummary {
  const { spec, status, metadata } = binding;
  const conditions = status?.conditions;
  const ctx: ReasonContext = {
    releaseName: spec.projectRelease,
    environment: spec.environment,
    project: spec.owner?.projectName,
  };
  const deleting = finalizing(conditions);
  if (deleting) return deleting;
  if (!conditions?.length)
    return waitingForController('this project environment');

  const ready = findCondition(conditions, 'Ready');
  if (isStale(metadata, status, ready))
    return waitingForController('the latest change');
  const decider = decidingCondition(conditions, ready, [
    'Synced',
    'NamespaceReady',
    'ResourcesReady',
  ]);
  if (!decider) return waitingForController('this project environment');
  return fromCondition('ProjectReleaseBinding', decider, ctx);
}

/** A Component: whether OpenChoreo accepted its type, traits, workflow and workload. */
export function summarizeComponent(component: Component): StatusSummary {
  const { spec, status, metadata } = component;
  const conditions = status?.conditions;
  const ctx: ReasonContext = {
    releaseName: status?.latestRelease?.name,
    component: metadata.name,
    // `deployment/service` -> `service`
    componentType: spec.componentType?.name?.split('/').pop(),
    project: spec.owner?.projectName,
  };
  const deleting = finalizing(conditions);
  if (deleting) return deleting;
  const ready = findCondition(conditions, 'Ready');
  if (!ready) return waitingForController('this component');
  if (isStale(metadata, status, ready))
    return waitingForController('the latest change');
  return fromCondition('Component', ready, ctx);
}

/** The summary for any kind that has one; undefined for kinds without developer-facing status. */
export function summarizeStatus(
  resource: ChoreoResource,
): StatusSummary | undefined {
  switch (resource.kind) {
    case 'ReleaseBinding':
      return summarizeReleaseBinding(resource);
    case 'ProjectReleaseBinding':
      return summarizeProjectReleaseBinding(resource);
    case 'ResourceReleaseBinding':
      return summarizeResourceReleaseBinding(resource);
    case 'Component':
      return summarizeComponent(resource);
    case 'WorkflowRun':
      return summarizeWorkflowRun(resource);
    default:
      return undefined;
  }
}
