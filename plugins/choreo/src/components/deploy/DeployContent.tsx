import { useApi } from '@backstage/frontend-plugin-api';
import {
  PromotionRequest,
  choreoReleaseApprovePermission,
  choreoReleaseManagePermission,
  choreoReleasePromotePermission,
  choreoReleaseRollbackPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { choreoApiRef } from '../../api/choreoApi';
import { useChoreoRef } from '../../hooks/useChoreoRef';
import {
  ActionOutcomeAlert,
  ShownOutcome,
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  SourceHealthBanner,
  messageOf,
  useComponentPermission,
} from '../shared';

import { ConfirmActionDialog } from './ConfirmActionDialog';
import {
  ACTION_LABELS,
  DeployAction,
  describeAction,
  outcomeOf,
} from './deployActions';
import { EnvironmentLane } from './EnvironmentLane';
import { ReleaseHistory } from './ReleaseHistory';
import {
  RollbackPicker,
  defaultRollbackTarget,
  rollbackCandidates,
} from './RollbackPicker';
import { runDeployAction } from './runDeployAction';
import { useDeployments } from './useDeployments';
import { PipelineProblems } from './PipelineProblems';

type Decision = { request: PromotionRequest; decision: 'approve' | 'reject' };

/** Component → Deploy: the pipeline as lanes, with promote, roll back, restart and approvals. */
export const DeployContent = () => {
  const ref = useChoreoRef();
  const api = useApi(choreoApiRef);
  const { value, loading, error, retry } = useDeployments(ref);
  const [action, setAction] = useState<DeployAction>();
  const [decision, setDecision] = useState<Decision>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ShownOutcome>();
  const permissions = {
    promote: useComponentPermission(
      choreoReleasePromotePermission,
      ref,
      'promote releases',
    ),
    rollback: useComponentPermission(
      choreoReleaseRollbackPermission,
      ref,
      'roll back releases',
    ),
    manage: useComponentPermission(
      choreoReleaseManagePermission,
      ref,
      'restart or undeploy the deployments',
    ),
    approve: useComponentPermission(
      choreoReleaseApprovePermission,
      ref,
      'approve promotions',
    ),
  };

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

  const send = async (
    label: string,
    work: () => Promise<
      Omit<ShownOutcome, 'status'> & { status?: ShownOutcome['status'] }
    >,
  ) => {
    setBusy(true);
    try {
      const shown = await work();
      setOutcome({
        status: shown.status ?? 'success',
        title: shown.title,
        warnings: shown.warnings,
      });
    } catch (e) {
      setOutcome({
        status: 'danger',
        title: `${label} failed: ${messageOf(e)}`,
        warnings: [],
      });
    } finally {
      setBusy(false);
      setAction(undefined);
      setDecision(undefined);
      retry();
    }
  };

  const confirmAction = (a: DeployAction) =>
    send(ACTION_LABELS[a.kind], async () => {
      const o = outcomeOf(a, await runDeployAction(api, ref, a));
      return { status: o.severity, title: o.message, warnings: o.warnings };
    });

  const confirmDecision = (d: Decision, comment?: string) =>
    send(d.decision === 'approve' ? 'Approval' : 'Rejection', async () => {
      const r = await api.decidePromotion(d.request.id, d.decision, {
        comment,
      });
      return {
        status: r.state === 'failed' ? 'danger' : 'success',
        title: `Promotion of ${r.releaseName} to ${r.to} is ${r.state}${
          r.decidedBy ? ` (by ${r.decidedBy})` : ''
        }.`,
        warnings: [],
      };
    });

  const openAction = (a: DeployAction) => {
    if (a.kind !== 'rollback') return setAction(a);
    const current = deployments.environments.find(
      e => e.environment === a.environment,
    )?.releaseName;
    return setAction({
      ...a,
      releaseName: defaultRollbackTarget(deployments.releases, current) ?? '',
    });
  };
  const current = (env: string) =>
    deployments.environments.find(e => e.environment === env)?.releaseName;
  const pending = (env: string) =>
    requests.filter(r => r.state === 'pending' && r.to === env);

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
                lane={lane}
                position={`Stage ${index + 1} of ${all.length}`}
                pending={pending(lane.environment)}
                canRollBack={
                  rollbackCandidates(deployments.releases, lane.releaseName)
                    .length > 0 && lane.status.state !== 'not-deployed'
                }
                permissions={permissions}
                onAction={openAction}
                onDecide={(request, d) => setDecision({ request, decision: d })}
              />
            </Grid>
          ))}
        </Grid>
      )}
      <Box mt={3}>
        <ReleaseHistory releases={deployments.releases} />
      </Box>
      {action && (
        <ConfirmActionDialog
          open
          busy={busy || (action.kind === 'rollback' && !action.releaseName)}
          title={
            action.kind === 'promote'
              ? `Promote to ${action.to}?`
              : `${ACTION_LABELS[action.kind]} in ${
                  'environment' in action ? action.environment : ''
                }?`
          }
          description={describeAction(deployments, action)}
          confirmLabel={
            action.kind === 'promote' && action.requiresApproval
              ? 'Request promotion'
              : ACTION_LABELS[action.kind]
          }
          onCancel={() => setAction(undefined)}
          onConfirm={() => confirmAction(action)}
        >
          {action.kind === 'rollback' && (
            <RollbackPicker
              releases={rollbackCandidates(
                deployments.releases,
                current(action.environment),
              )}
              value={action.releaseName}
              onChange={releaseName => setAction({ ...action, releaseName })}
            />
          )}
        </ConfirmActionDialog>
      )}
      {decision && (
        <ConfirmActionDialog
          open
          withComment
          busy={busy}
          title={`${
            decision.decision === 'approve' ? 'Approve' : 'Reject'
          } promotion to ${decision.request.to}?`}
          description={
            decision.decision === 'approve'
              ? `Bind release ${decision.request.releaseName} to ${
                  decision.request.to
                }, as ${decision.request.requestedBy} requested; ${
                  decision.request.to
                } currently runs ${current(decision.request.to) ?? 'nothing'}.`
              : `Reject ${decision.request.requestedBy}'s request to bind ${decision.request.releaseName} to ${decision.request.to}; nothing changes in ${decision.request.to}.`
          }
          confirmLabel={decision.decision === 'approve' ? 'Approve' : 'Reject'}
          onCancel={() => setDecision(undefined)}
          onConfirm={comment => confirmDecision(decision, comment)}
        />
      )}
    </Box>
  );
};
