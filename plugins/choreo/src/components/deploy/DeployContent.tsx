import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { choreoApiRef } from '../../api/choreoApi';
import { useChoreoRef } from '../../hooks/useChoreoRef';
import { useSignedInUser } from '../../hooks/useSignedInUser';
import {
  ActionOutcomeAlert,
  ChoreoAccessProvider,
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  ShownOutcome,
  SourceHealthBanner,
  useAccessOverview,
  useConfirmedWrite,
} from '../shared';
import { ActionDialog } from './ActionDialog';
import { ChangeRequestHistory } from './ChangeRequestHistory';
import { openRequestOf } from './changeRequestWords';
import { DecisionDialog, DecisionSubject } from './DecisionDialog';
import {
  DeployAction,
  environmentOf,
  labelOf,
  laneOf,
  takeOverQuestion,
} from './deployActions';
import { actionOutcome, decisionOutcome } from './deployOutcomes';
import { EnvironmentLane } from './EnvironmentLane';
import { PipelineProblems } from './PipelineProblems';
import { ReleaseHistory } from './ReleaseHistory';
import { defaultRollbackTarget, rollbackCandidates } from './RollbackPicker';
import { runDeployAction } from './runDeployAction';
import { useDeployments } from './useDeployments';

const DECISION_LABELS = {
  approve: 'Approval',
  reject: 'Rejection',
  withdraw: 'Withdrawal',
} as const;

const DeployTab = () => {
  const ref = useChoreoRef();
  const api = useApi(choreoApiRef);
  const access = useAccessOverview();
  const user = useSignedInUser();
  const { value, loading, error, retry } = useDeployments(ref);
  const [outcome, setOutcome] = useState<ShownOutcome>();
  // every answer is news about the lanes: show it and reload them
  const settle = (o: ShownOutcome) => {
    setOutcome(o);
    retry();
  };
  const actions = useConfirmedWrite<DeployAction>(settle, takeOverQuestion);
  const decisions = useConfirmedWrite<DecisionSubject>(
    settle,
    takeOverQuestion,
  );

  if (!value && loading)
    return <LoadingState what={`the deployments of ${ref.name}`} />;
  if (!value) {
    return (
      <>
        <SourceHealthBanner />
        <ChoreoErrorPanel
          action={`see the deployments of ${ref.name}`}
          error={error}
        />
      </>
    );
  }
  const { deployments, requests } = value;
  // unknown while loading (no decision buttons yet); '' when it failed
  const me = user.loading ? undefined : user.userEntityRef ?? '';

  const openAction = (a: DeployAction) => {
    if (a.kind !== 'rollback') return actions.open(a);
    const current = laneOf(deployments, a.environment)?.releaseName;
    return actions.open({
      ...a,
      releaseName: defaultRollbackTarget(deployments.releases, current) ?? '',
    });
  };

  const confirmAction = () =>
    actions.confirm(
      actions.current ? labelOf(deployments, actions.current.subject) : '',
      async (a, idempotencyKey) =>
        actionOutcome(
          a,
          await runDeployAction(api, ref, a, { idempotencyKey }),
          { namespace: ref.namespace, access: access.value },
        ),
    );

  const confirmDecision = (comment?: string) =>
    decisions.confirm(
      decisions.current
        ? DECISION_LABELS[decisions.current.subject.decision]
        : '',
      async (d, idempotencyKey) =>
        decisionOutcome(
          await api.decideChangeRequest(
            d.request.id,
            d.decision,
            { comment, ...(d.takeOver ? { takeOver: true } : {}) },
            { idempotencyKey },
          ),
        ),
    );

  return (
    <Box>
      <SourceHealthBanner />
      {outcome && (
        <ActionOutcomeAlert
          outcome={outcome}
          onDismiss={() => setOutcome(undefined)}
        />
      )}
      <PipelineProblems
        deployments={deployments}
        requestsError={value.requestsError}
      />
      {deployments.environments.length === 0 ? (
        <ChoreoEmptyState
          title="No environments to deploy to"
          description={`${ref.name} has no deployment pipeline with environments. Ask a platform engineer to give project ${deployments.component.project} a DeploymentPipeline.`}
        />
      ) : (
        <Grid container spacing={2} alignItems="stretch">
          {deployments.environments.map((lane, index, all) => (
            <Grid
              item
              xs={12}
              md={
                Math.max(
                  3,
                  Math.floor(12 / deployments.environments.length),
                ) as 3 | 4 | 6 | 12
              }
              key={lane.environment}
            >
              <EnvironmentLane
                deployments={deployments}
                lane={lane}
                position={`Stage ${index + 1} of ${all.length}`}
                openRequest={openRequestOf(requests, lane.environment)}
                me={me}
                canRollBack={
                  rollbackCandidates(deployments.releases, lane.releaseName)
                    .length > 0 && lane.status.state !== 'not-deployed'
                }
                onAction={openAction}
                onDecide={(request, decision) =>
                  decisions.open({ request, decision })
                }
              />
            </Grid>
          ))}
        </Grid>
      )}
      <Box mt={3}>
        <ChangeRequestHistory requests={requests} />
      </Box>
      <Box mt={3}>
        <ReleaseHistory releases={deployments.releases} />
      </Box>
      {actions.current && (
        <ActionDialog
          deployments={deployments}
          confirmation={actions.current}
          openRequest={openRequestOf(
            requests,
            environmentOf(actions.current.subject),
          )}
          busy={actions.busy}
          onChange={actions.open}
          onCancel={actions.cancel}
          onConfirm={confirmAction}
        />
      )}
      {decisions.current && (
        <DecisionDialog
          deployments={deployments}
          confirmation={decisions.current}
          busy={decisions.busy}
          onCancel={decisions.cancel}
          onConfirm={confirmDecision}
        />
      )}
    </Box>
  );
};

/**
 * Component → Deploy: the pipeline as lanes, with promote, roll back,
 * restart and undeploy, and the change requests that wait for someone
 * else's approval.
 */
export const DeployContent = () => (
  <ChoreoAccessProvider>
    <DeployTab />
  </ChoreoAccessProvider>
);
