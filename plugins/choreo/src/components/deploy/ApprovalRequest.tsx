import { PromotionRequest } from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ComponentPermission, timeAgo } from '../shared';
import { PermissionButton } from './PermissionButton';

/** A promotion into this environment that waits for someone else's approval. */
export const ApprovalRequest = (props: {
  request: PromotionRequest;
  permission: ComponentPermission;
  onDecide: (decision: 'approve' | 'reject') => void;
}) => {
  const r = props.request;
  return (
    <Box
      role="region"
      aria-label={`approval request for ${r.to}`}
      p={1}
      my={1}
      border={1}
      borderColor="warning.main"
      borderRadius={4}
    >
      <Typography variant="subtitle2">Waiting for approval</Typography>
      <Typography variant="body2">
        {r.releaseName} from {r.from}, requested by {r.requestedBy}{' '}
        {timeAgo(r.requestedAt) ?? ''}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        Someone other than the requester must approve it.
      </Typography>
      <Box mt={1} display="flex" style={{ gap: 8 }}>
        <PermissionButton
          permission={props.permission}
          variant="contained"
          color="primary"
          onClick={() => props.onDecide('approve')}
        >
          Approve
        </PermissionButton>
        <PermissionButton
          permission={props.permission}
          variant="outlined"
          onClick={() => props.onDecide('reject')}
        >
          Reject
        </PermissionButton>
      </Box>
    </Box>
  );
};
