import { ChangeRequest } from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { sameEntityRef } from '../../hooks/useSignedInUser';
import {
  ChoreoPermissionState,
  PermissionButton,
  timeAgo,
  timeUntil,
} from '../shared';
import { STATE_WORDS, basisWords, changeWords } from './changeRequestWords';

export type Decision = 'approve' | 'reject' | 'withdraw';

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The buttons: approve or reject someone else's request, withdraw your own. */
const DecisionButtons = (props: {
  mine: boolean;
  approve: ChoreoPermissionState;
  onDecide: (decision: Decision) => void;
}) => {
  if (props.mine) {
    return (
      <Button
        size="small"
        variant="outlined"
        onClick={() => props.onDecide('withdraw')}
      >
        Withdraw
      </Button>
    );
  }
  return (
    <>
      <PermissionButton
        permission={props.approve}
        variant="contained"
        color="primary"
        onClick={() => props.onDecide('approve')}
      >
        Approve
      </PermissionButton>
      <PermissionButton
        permission={props.approve}
        variant="outlined"
        onClick={() => props.onDecide('reject')}
      >
        Reject
      </PermissionButton>
    </>
  );
};

/** The open change request of an environment: what it asks, who asked, and what it depends on. */
export const ChangeRequestCard = (props: {
  request: ChangeRequest;
  /** The signed-in user; undefined while unknown, and then no buttons show. */
  me?: string;
  approve: ChoreoPermissionState;
  onDecide: (decision: Decision) => void;
}) => {
  const r = props.request;
  const mine = !!props.me && sameEntityRef(props.me, r.requestedBy);
  const expires = timeUntil(r.expiresAt);
  return (
    <Box
      role="region"
      aria-label={`change request for ${r.environment}`}
      p={1}
      my={1}
      border={1}
      borderColor="warning.main"
      borderRadius={4}
    >
      <Typography variant="subtitle2">{STATE_WORDS[r.state]}</Typography>
      <Typography variant="body2">
        {capitalized(changeWords(r.change))}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        asked by {mine ? 'you' : r.requestedBy} {timeAgo(r.requestedAt) ?? ''}
        {r.state === 'pending'
          ? ` · ${expires ? `expires ${expires}` : 'expired'}`
          : ''}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        When asked, {basisWords(r.environment, r.basis)}; approval applies it
        only while that is still so.{' '}
        {mine
          ? 'Someone other than you must approve it.'
          : `Someone other than ${r.requestedBy} must approve it.`}
      </Typography>
      {r.state === 'pending' && props.me !== undefined && (
        <Box mt={1} display="flex" style={{ gap: 8 }}>
          <DecisionButtons
            mine={mine}
            approve={props.approve}
            onDecide={props.onDecide}
          />
        </Box>
      )}
    </Box>
  );
};
