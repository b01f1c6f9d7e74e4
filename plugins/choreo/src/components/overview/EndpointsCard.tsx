import { Link } from '@backstage/core-components';
import { EntityInfoCard } from '@backstage/plugin-catalog-react';
import { useApi } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { choreoApiRef } from '../../api/choreoApi';
import { useChoreoRef } from '../../hooks/useChoreoRef';
import { ChoreoEmptyState, ChoreoErrorPanel, LoadingState } from '../shared';
import { EndpointRow, endpointRows } from './endpointRows';

const VISIBILITY_WORDS: Record<string, string> = {
  project: 'project',
  namespace: 'organization',
  internal: 'internal gateway',
  external: 'public',
};

const EndpointTableRow = ({ row }: { row: EndpointRow }) => (
  <TableRow>
    <TableCell component="th" scope="row" style={{ whiteSpace: 'nowrap' }}>
      {row.displayName ?? row.name}
      {row.type && (
        <Typography variant="caption" component="div" color="textSecondary">
          {row.type}
        </Typography>
      )}
    </TableCell>
    <TableCell>
      {row.visibility
        ? row.visibility.map(v => (
            <Chip
              key={v}
              size="small"
              label={VISIBILITY_WORDS[v] ?? v}
              style={{ margin: 2 }}
            />
          ))
        : '—'}
    </TableCell>
    <TableCell>
      {row.urls.length === 0
        ? 'not deployed'
        : row.urls.map(u => (
            <Typography
              key={`${u.environment}${u.url}`}
              variant="body2"
              style={{ wordBreak: 'break-all' }}
            >
              <strong>{u.environment}</strong> ({u.label}):{' '}
              {/^https?:/.test(u.url) ? <Link to={u.url}>{u.url}</Link> : u.url}
            </Typography>
          ))}
    </TableCell>
  </TableRow>
);

/** Overview card: the component's endpoints, who can call them, and where. */
export const EndpointsCard = () => {
  const ref = useChoreoRef();
  const api = useApi(choreoApiRef);
  const { value, loading, error } = useAsync(
    async () => endpointRows(await api.getDeployments(ref)),
    [api, ref.namespace, ref.name],
  );

  let content: JSX.Element;
  if (loading) content = <LoadingState what="endpoints" />;
  else if (!value)
    content = (
      <ChoreoErrorPanel
        action={`see the endpoints of ${ref.name}`}
        error={error}
      />
    );
  else if (value.length === 0) {
    content = (
      <ChoreoEmptyState
        title="No endpoints"
        description="This component declares no endpoints. Add them to its workload descriptor (workload.yaml) to expose it."
      />
    );
  } else {
    content = (
      <Table size="small" aria-label="endpoints">
        <TableHead>
          <TableRow>
            <TableCell style={{ whiteSpace: 'nowrap' }}>Endpoint</TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>Visibility</TableCell>
            <TableCell>URLs</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.map(row => (
            <EndpointTableRow key={row.name} row={row} />
          ))}
        </TableBody>
      </Table>
    );
  }
  return <EntityInfoCard title="Endpoints">{content}</EntityInfoCard>;
};
