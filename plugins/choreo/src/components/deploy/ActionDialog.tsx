import {
  ChangeRequest,
  ComponentDeployments,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Confirmation } from '../shared';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import { changeWords } from './changeRequestWords';
import {
  ACTION_LABELS,
  DeployAction,
  approvalWhy,
  describeAction,
  environmentOf,
  labelOf,
  laneOf,
  waitsForApproval,
} from './deployActions';
import { RollbackPicker, rollbackCandidates } from './RollbackPicker';

/** "promote to production", "roll back in staging". */
function doWhat(action: DeployAction): string {
  if (action.kind === 'promote') return `promote to ${action.to}`;
  return `${ACTION_LABELS[action.kind].toLocaleLowerCase('en-US')} in ${
    action.environment
  }`;
}

/** Asks before an action, saying what changes and, where it waits, why and on what. */
export const ActionDialog = (props: {
  deployments: ComponentDeployments;
  confirmation: Confirmation<DeployAction>;
  /** The open request of the environment the action changes. */
  openRequest?: ChangeRequest;
  busy: boolean;
  onChange: (action: DeployAction) => void;
  onCancel: () => void;
  onConfirm: () => void;
}) => {
  const { deployments: d, openRequest } = props;
  const action = props.confirmation.subject;
  const env = environmentOf(action);
  const gated = waitsForApproval(d, action.kind, env);
  const title = gated
    ? `Ask for approval to ${doWhat(action)}?`
    : `${doWhat(action).charAt(0).toUpperCase()}${doWhat(action).slice(1)}?`;
  return (
    <ConfirmActionDialog
      open
      busy={props.busy || (action.kind === 'rollback' && !action.releaseName)}
      error={props.confirmation.error}
      notice={props.confirmation.notice}
      title={title}
      description={
        <>
          {describeAction(d, action)}
          {gated && <p>{approvalWhy(d, env)}</p>}

          {openRequest && (
            <p>
              {`${env} already has an open request (${changeWords(
                openRequest.change,
              )}, asked by ${
                openRequest.requestedBy
              }): a different change there is refused until it is decided.`}
            </p>
          )}
        </>
      }
      confirmLabel={
        action.takeOver
          ? `Take over and ${labelOf(d, action).toLocaleLowerCase('en-US')}`
          : labelOf(d, action)
      }
      onCancel={props.onCancel}
      onConfirm={() => props.onConfirm()}
    >
      {action.kind === 'rollback' && (
        <RollbackPicker
          releases={rollbackCandidates(
            d.releases,
            laneOf(d, action.environment)?.releaseName,
          )}
          value={action.releaseName}
          onChange={releaseName => props.onChange({ ...action, releaseName })}
        />
      )}
    </ConfirmActionDialog>
  );
};
