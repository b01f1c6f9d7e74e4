import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  AccessOverview,
  PORTAL_ACTIONS,
} from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { choreoApiRef } from '../../api/choreoApi';
import { ChoreoEmptyState, ChoreoErrorPanel, LoadingState } from '../shared';
import { AccessBindingsTable } from './AccessBindingsTable';
import { AccessRolesTable } from './AccessRolesTable';
import { approversOf } from './accessWords';

/** The question people ask most: who can approve my production change? */
const Approvers = ({ access }: { access: AccessOverview }) => {
  const { roles, holders } = approversOf(access);
  const action = <code>{PORTAL_ACTIONS.approve}</code>;
  if (roles.length === 0) {
    return (
      <Typography variant="body2">
        No role grants {action}: nobody can approve changes that wait for a
        second person.
      </Typography>
    );
  }
  return (
    <Typography variant="body2">
      Who may approve changes that wait for a second person: {action}, granted
      by {roles.length === 1 ? 'role' : 'roles'} {roles.join(', ')}
      {holders.length
        ? `, held by ${holders.join(', ')}`
        : '; no binding gives them to anyone yet'}
      . Nobody approves their own request.
    </Typography>
  );
};

/** /choreo/platform: OpenChoreo's roles and bindings, which the portal decides with. */
export const AccessCard = () => {
  const api = useApi(choreoApiRef);
  const { value, loading, error } = useAsync(() => api.getAccess(), [api]);
  let body: JSX.Element;
  if (loading) {
    body = <LoadingState what="the roles and bindings" />;
  } else if (error || !value) {
    body = <ChoreoErrorPanel action="see who may do what" error={error} />;
  } else if (value.roles.length === 0 && value.bindings.length === 0) {
    body = (
      <ChoreoEmptyState
        title="No OpenChoreo roles or bindings"
        description="The sources hold no AuthzRole or AuthzRoleBinding. Add them (cluster-wide or per namespace) to say who may do what."
      />
    );
  } else {
    body = (
      <>
        <Approvers access={value} />
        <Box mt={2}>
          <AccessRolesTable roles={value.roles} />
        </Box>
        <Box mt={2}>
          <AccessBindingsTable bindings={value.bindings} />
        </Box>
      </>
    );
  }
  return (
    <InfoCard
      title="Who may do what"
      subheader="OpenChoreo's roles and bindings: the portal allows and refuses with the same ones"
    >
      {body}
    </InfoCard>
  );
};
