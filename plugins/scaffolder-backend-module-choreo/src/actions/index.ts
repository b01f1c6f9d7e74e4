import { ChoreoActionDeps } from './initiatorClient';
import { createBuildTriggerAction } from './buildTrigger';
import { createBuildWaitAction } from './buildWait';
import { createComponentCreateAction } from './componentCreate';
import { createDependencyAddAction } from './dependencyAdd';
import { createEnvironmentCreateAction } from './environmentCreate';
import { createPipelineCreateAction } from './pipelineCreate';
import { createProjectCreateAction } from './projectCreate';
import { createReleasePromoteAction } from './releasePromote';
import { createReleaseRollbackAction } from './releaseRollback';

export type { ChoreoActionDeps } from './initiatorClient';
export {
  createBuildTriggerAction,
  createBuildWaitAction,
  createComponentCreateAction,
  createDependencyAddAction,
  createEnvironmentCreateAction,
  createPipelineCreateAction,
  createProjectCreateAction,
  createReleasePromoteAction,
  createReleaseRollbackAction,
};

/** Every choreo:* action, for one registration. */
export function createChoreoActions(deps: ChoreoActionDeps) {
  return [
    createProjectCreateAction(deps),
    createComponentCreateAction(deps),
    createBuildTriggerAction(deps),
    createBuildWaitAction(deps),
    createReleasePromoteAction(deps),
    createReleaseRollbackAction(deps),
    createEnvironmentCreateAction(deps),
    createPipelineCreateAction(deps),
    createDependencyAddAction(deps),
  ];
}
