import { Link } from '@backstage/core-components';
import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useLocation } from 'react-router-dom';
import { useChoreoRef } from '../../hooks/useChoreoRef';
import { changeWords, isOpen } from '../deploy/changeRequestWords';
import { useDeployments } from '../deploy/useDeployments';
import {
  ChoreoEmptyState,
  ChoreoErrorPanel,
  DeploymentStatusChip,
  LoadingState,
  timeAgo,
} from '../shared';
import { entityTabLink } from './entityTabLink';

/** Overview card: the component's status in every environment of its pipeline, at a glance. */
export const DeploymentStatusCard = () => {
  const ref = useChoreoRef();
  const { pathname } = useLocation();
  const { value, loading, error } = useDeployments(ref);
  const deployTab = entityTabLink(pathname, 'deploy');

  let content: JSX.Element;
  if (!value && loading) content = <LoadingState what="deployments" />;
  else if (!value)
    content = (
      <ChoreoErrorPanel
        action={`see the deployments of ${ref.name}`}
        error={error}
      />
    );
  else if (value.deployments.environments.length === 0) {
    content = (
      <ChoreoEmptyState
        title="No environments"
        description="This component's project has no deployment pipeline with environments yet; ask a platform engineer."
      />
    );
  } else {
    const pending = value.requests.filter(isOpen);
    content = (
      <>
        <Table size="small" aria-label="deployment status by environment">
          <TableBody>
            {value.deployments.environments.map(env => (
              <TableRow key={env.environment}>
                <TableCell component="th" scope="row">
                  {env.displayName ?? env.environment}
                </TableCell>
                <TableCell>
                  <DeploymentStatusChip state={env.status.state} />
                  {env.status.state === 'failed' ||
                  env.status.state === 'progressing' ? (
                    <Typography
                      variant="caption"
                      component="div"
                      color="textSecondary"
                    >
                      {env.status.message}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell style={{ fontFamily: 'monospace' }}>
                  {env.releaseName ?? '—'}
                </TableCell>
                <TableCell>
                  <Typography variant="caption" color="textSecondary">
                    {timeAgo(env.lastChange) ?? ''}
                  </Typography>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {pending.length > 0 && (
          <Typography variant="body2" style={{ marginTop: 8 }}>
            {pending.length} change{pending.length > 1 ? 's' : ''} waiting for
            approval:{' '}
            {pending
              .map(r => `${changeWords(r.change)} in ${r.environment}`)
              .join(', ')}
          </Typography>
        )}
      </>
    );
  }
  return (
    <EntityInfoCard
      title="Deployments"
      footerActions={<Link to={deployTab}>Open the Deploy tab</Link>}
    >
      {content}
    </EntityInfoCard>
  );
};
