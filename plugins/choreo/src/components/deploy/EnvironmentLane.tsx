import { InfoCard } from '@backstage/core-components';
import {
  ChangeRequest,
  ComponentDeployments,
  EnvironmentDeployment,
} from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { DeploymentStatusChip, orList, timeAgo } from '../shared';
import { ChangeRequestCard, Decision } from './ChangeRequestCard';
import { ACTION_LABELS, DeployAction } from './deployActions';
import { EndpointList } from './EndpointList';
import { LaneActions } from './LaneActions';
import { useLanePermissions } from './useLanePermissions';

/** "Promote, roll back or restart here waits for someone else's approval." */
function gatedWords(lane: EnvironmentDeployment): string {
  const kinds = lane.changesNeedingApproval.map(k =>
    ACTION_LABELS[k].toLocaleLowerCase('en-US'),
  );
  return `Here, ${orList(kinds)} waits for someone else's approval`;
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
  deployments: ComponentDeployments;
  lane: EnvironmentDeployment;
  /** Where the lane sits in the pipeline, e.g. "2 of 3". */
  position: string;
  /** The environment's open change request, if any. */
  openRequest?: ChangeRequest;
  /** The signed-in user's entity ref; undefined while unknown. */
  me?: string;
  canRollBack: boolean;
  onAction: (action: DeployAction) => void;
  onDecide: (request: ChangeRequest, decision: Decision) => void;
}) => {
  const { lane, openRequest } = props;
  const permissions = useLanePermissions(props.deployments, lane);
  const env = lane.environment;
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
          {lane.changesNeedingApproval.length > 0 && (
            <Tooltip title={gatedWords(lane)}>
              <Chip size="small" variant="outlined" label="needs approval" />
            </Tooltip>
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
        {openRequest && (
          <ChangeRequestCard
            request={openRequest}
            me={props.me}
            approve={permissions.approve}
            onDecide={d => props.onDecide(openRequest, d)}
          />
        )}
        <LaneActions
          deployments={props.deployments}
          lane={lane}
          permissions={permissions}
          canRollBack={props.canRollBack}
          onAction={props.onAction}
        />
      </section>
    </InfoCard>
  );
};
