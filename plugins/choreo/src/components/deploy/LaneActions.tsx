import {
  ComponentDeployments,
  EnvironmentDeployment,
  PossiblePromotion,
  choreoReleasePromotePermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import { PermissionButton, useChoreoPermission } from '../shared';
import { DeployAction, labelOf, laneOf } from './deployActions';
import { LanePermissions, laneScope } from './useLanePermissions';

/** Promoting is decided for the environment the release goes to. */
const PromoteButton = (props: {
  deployments: ComponentDeployments;
  from: string;
  promotion: PossiblePromotion;
  onAction: (action: DeployAction) => void;
}) => {
  const { deployments: d, promotion } = props;
  const action: DeployAction = {
    kind: 'promote',
    from: props.from,
    to: promotion.to,
  };
  const permission = useChoreoPermission(
    choreoReleasePromotePermission,
    laneScope(d, promotion.to),
    `promote to ${promotion.to}`,
    { bindingExists: !!laneOf(d, promotion.to)?.bindingName },
  );
  return (
    <PermissionButton
      permission={permission}
      variant="contained"
      color="primary"
      onClick={() => props.onAction(action)}
    >
      {labelOf(d, action)} to {promotion.to}
    </PermissionButton>
  );
};

/** A lane's buttons, labelled "Request …" where the change waits for approval. */
export const LaneActions = (props: {
  deployments: ComponentDeployments;
  lane: EnvironmentDeployment;
  permissions: LanePermissions;
  canRollBack: boolean;
  onAction: (action: DeployAction) => void;
}) => {
  const { deployments: d, lane, permissions } = props;
  const environment = lane.environment;
  const deployed = lane.status.state !== 'not-deployed';
  const undeployed = lane.status.state === 'undeployed';
  const rollback: DeployAction = {
    kind: 'rollback',
    environment,
    releaseName: '',
  };
  const restart: DeployAction = { kind: 'restart', environment };
  const toggle: DeployAction = {
    kind: undeployed ? 'redeploy' : 'undeploy',
    environment,
  };
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1}>
      {lane.promotions.map(p => (
        <PromoteButton
          key={p.to}
          deployments={d}
          from={environment}
          promotion={p}
          onAction={props.onAction}
        />
      ))}
      {props.canRollBack && (
        <PermissionButton
          permission={permissions.rollback}
          variant="outlined"
          onClick={() => props.onAction(rollback)}
        >
          {labelOf(d, rollback)}
        </PermissionButton>
      )}
      {deployed && !undeployed && (
        <PermissionButton
          permission={permissions.manage}
          variant="outlined"
          onClick={() => props.onAction(restart)}
        >
          {labelOf(d, restart)}
        </PermissionButton>
      )}
      {deployed && (
        <PermissionButton
          permission={permissions.manage}
          variant="outlined"
          onClick={() => props.onAction(toggle)}
        >
          {labelOf(d, toggle)}
        </PermissionButton>
      )}
    </Box>
  );
};
