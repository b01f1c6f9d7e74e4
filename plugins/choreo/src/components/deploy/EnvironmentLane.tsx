import { InfoCard } from '@backstage/core-components';
import {
  EnvironmentDeployment,
  PromotionRequest,
} from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ComponentPermission, DeploymentStatusChip, timeAgo } from '../shared';
import { ApprovalRequest } from './ApprovalRequest';
import { DeployAction } from './deployActions';
import { EndpointList } from './EndpointList';
import { PermissionButton } from './PermissionButton';

export interface LanePermissions {
  promote: ComponentPermission;
  rollback: ComponentPermission;
  manage: ComponentPermission;
  approve: ComponentPermission;
}

const Field = (props: { label: string; children: React.ReactNode }) => (
  <Box mb={1.5}>
    <Typography
      variant="overline"
      color="textSecondary"
      component="div"
      style={{ lineHeight: 1.6 }}
    >
      {props.label}
    </Typography>
    {props.children}
  </Box>
);

/** One environment of the pipeline: what runs there, how it is doing, and what can be done. */
export const EnvironmentLane = (props: {
  lane: EnvironmentDeployment;
  /** Where the lane sits in the pipeline, e.g. "2 of 3". */
  position: string;
  pending: PromotionRequest[];
  canRollBack: boolean;
  permissions: LanePermissions;
  onAction: (action: DeployAction) => void;
  onDecide: (request: PromotionRequest, decision: 'approve' | 'reject') => void;
}) => {
  const { lane, permissions } = props;
  const env = lane.environment;
  const deployed = lane.status.state !== 'not-deployed';
  const undeployed = lane.status.state === 'undeployed';
  const age = timeAgo(lane.lastChange);
  return (
    <InfoCard
      title={lane.displayName ?? env}
      variant="fullHeight"
      subheader={
        <Box
          display="flex"
          alignItems="center"
          style={{ gap: 4 }}
          minHeight={24}
        >
          <Typography variant="caption" color="textSecondary">
            {props.position}
          </Typography>
          {lane.isProduction && <Chip size="small" label="production" />}
          {lane.requiresApproval && (
            <Chip size="small" variant="outlined" label="needs approval" />
          )}
        </Box>
      }
    >
      <section aria-label={`environment ${env}`}>
        <Field label="Release">
          <Typography
            variant="body1"
            data-testid={`release-${env}`}
            style={{ fontFamily: 'monospace' }}
          >
            {lane.releaseName ?? '—'}
          </Typography>
        </Field>
        <Field label="Status">
          <DeploymentStatusChip state={lane.status.state} />
          <Typography variant="body2">{lane.status.message}</Typography>
          {'reason' in lane.status && lane.status.reason && (
            <Typography variant="caption" color="textSecondary">
              {lane.status.reason}
            </Typography>
          )}
          {age && (
            <Typography variant="caption" color="textSecondary" component="div">
              changed {age}
            </Typography>
          )}
        </Field>
        <Field label="Endpoints">
          <EndpointList endpoints={lane.endpoints} />
        </Field>
        {props.pending.map(r => (
          <ApprovalRequest
            key={r.id}
            request={r}
            permission={permissions.approve}
            onDecide={d => props.onDecide(r, d)}
          />
        ))}
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1}>
          {lane.promotions.map(p => (
            <PermissionButton
              key={p.to}
              permission={permissions.promote}
              variant="contained"
              color="primary"
              onClick={() =>
                props.onAction({
                  kind: 'promote',
                  from: env,
                  to: p.to,
                  requiresApproval: p.requiresApproval,
                })
              }
            >
              Promote to {p.to}
            </PermissionButton>
          ))}
          {props.canRollBack && (
            <PermissionButton
              permission={permissions.rollback}
              variant="outlined"
              onClick={() =>
                props.onAction({
                  kind: 'rollback',
                  environment: env,
                  releaseName: '',
                })
              }
            >
              Roll back
            </PermissionButton>
          )}
          {deployed && !undeployed && (
            <PermissionButton
              permission={permissions.manage}
              variant="outlined"
              onClick={() =>
                props.onAction({ kind: 'restart', environment: env })
              }
            >
              Restart
            </PermissionButton>
          )}
          {deployed && (
            <PermissionButton
              permission={permissions.manage}
              variant="outlined"
              onClick={() =>
                props.onAction({
                  kind: undeployed ? 'redeploy' : 'undeploy',
                  environment: env,
                })
              }
            >
              {undeployed ? 'Redeploy' : 'Undeploy'}
            </PermissionButton>
          )}
        </Box>
      </section>
    </InfoCard>
  );
};
