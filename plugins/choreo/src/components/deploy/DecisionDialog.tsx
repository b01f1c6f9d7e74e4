import {
  ChangeRequest,
  ComponentDeployments,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Confirmation } from '../shared';
import { Decision } from './ChangeRequestCard';
import { basisWords, changeWords } from './changeRequestWords';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import { laneOf } from './deployActions';

export interface DecisionSubject {
  request: ChangeRequest;
  decision: Decision;
  /** The approver confirmed taking over fields another manager owns. */
  takeOver?: boolean;
}

const CONFIRM: Record<Decision, string> = {
  approve: 'Approve',
  reject: 'Reject',
  withdraw: 'Withdraw',
};

function describe(d: ComponentDeployments, s: DecisionSubject): string {
  const r = s.request;
  const env = r.environment;
  const words = changeWords(r.change);
  if (s.decision === 'approve') {
    const now = laneOf(d, env)?.releaseName;
    return `${words.charAt(0).toUpperCase()}${words.slice(1)} in ${env}, as ${
      r.requestedBy
    } asked; ${env} runs ${now ?? 'nothing'} now. When asked, ${basisWords(
      env,
      r.basis,
    )}: it is applied only if that is still so.`;
  }
  if (s.decision === 'reject') {
    return `Reject ${r.requestedBy}'s request to ${words} in ${env}; nothing changes in ${env}.`;
  }
  return `Withdraw your request to ${words} in ${env}; nothing changes in ${env}.`;
}

/** Asks before approving, rejecting or withdrawing a change request, with a comment. */
export const DecisionDialog = (props: {
  deployments: ComponentDeployments;
  confirmation: Confirmation<DecisionSubject>;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (comment?: string) => void;
}) => {
  const subject = props.confirmation.subject;
  const r = subject.request;
  return (
    <ConfirmActionDialog
      open
      withComment
      busy={props.busy}
      error={props.confirmation.error}
      notice={props.confirmation.notice}
      title={`${CONFIRM[subject.decision]}: ${changeWords(r.change)} in ${
        r.environment
      }?`}
      description={describe(props.deployments, subject)}
      confirmLabel={
        subject.takeOver
          ? `Take over and ${CONFIRM[subject.decision].toLocaleLowerCase(
              'en-US',
            )}`
          : CONFIRM[subject.decision]
      }
      onCancel={props.onCancel}
      onConfirm={props.onConfirm}
    />
  );
};
