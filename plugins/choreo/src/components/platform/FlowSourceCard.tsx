import {
  InfoCard,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { FlowSourceStatus } from '@choreo-for-backstage/plugin-choreo-common';
import useAsync from 'react-use/esm/useAsync';
import { choreoApiRef } from '../../api/choreoApi';
import {
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  statusCodeOf,
  timeAgo,
} from '../shared';
import { PlatformTable } from './PlatformTable';

const TYPE_TEXT: Record<FlowSourceStatus['type'], string> = {
  'hubble-relay': 'Hubble relay',
  file: 'Flow log file',
};

/** What each state means for the Cell and Network tabs. */
const STATE: Record<
  FlowSourceStatus['state'],
  { text: string; meaning: string }
> = {
  starting: { text: 'Starting', meaning: 'Connecting for the first time' },
  streaming: { text: 'Streaming', meaning: 'New flows arrive' },
  reconnecting: {
    text: 'Reconnecting',
    meaning:
      'The connection dropped; the Cell and Network tabs show the flows kept so far and the portal keeps retrying',
  },
  failing: {
    text: 'Failing',
    meaning:
      'No flows arrive: the Cell and Network tabs show only the flows kept so far',
  },
  stopped: { text: 'Stopped', meaning: 'The backend stopped reading flows' },
};

const State = ({ state }: { state: FlowSourceStatus['state'] }) => {
  const text = STATE[state]?.text ?? state;
  if (state === 'streaming') return <StatusOK>{text}</StatusOK>;
  if (state === 'failing') return <StatusError>{text}</StatusError>;
  if (state === 'starting') return <StatusPending>{text}</StatusPending>;
  return <StatusWarning>{text}</StatusWarning>;
};

const count = (n: number | undefined) => (n ?? 0).toLocaleString('en-US');

/** The source's own messages: only people allowed to see source details get them. */
const Details = ({ status }: { status: FlowSourceStatus }) => {
  const problems = status.problems ?? [];
  return (
    <>
      {status.message ? (
        <Typography variant="body2">{status.message}</Typography>
      ) : null}
      {problems.length > 0 ? (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {problems.map((p, i) => (
            <li key={i}>
              <Typography variant="body2">
                {p.line ? `line ${p.line}: ` : ''}
                {p.message}
              </Typography>
            </li>
          ))}
        </ul>
      ) : null}
      {!status.message && problems.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No problems
        </Typography>
      ) : null}
    </>
  );
};

/**
 * The network flow source (Cilium Hubble) the Cell and Network tabs draw
 * traffic from, and whether flows arrive.
 */
export const FlowSourceCard = () => {
  const api = useApi(choreoApiRef);
  const { value, loading, error } = useAsync(
    () => api.getFlowSourceStatus(),
    [api],
  );
  let body: JSX.Element;
  if (loading) {
    body = <LoadingState what="the network flow source" />;
  } else if (statusCodeOf(error) === 503) {
    body = (
      <ChoreoEmptyState
        title="No network flow source is configured"
        description="The Cell and Network tabs show traffic once the backend reads Cilium Hubble's flows: set choreo.hubble.relay.address (hubble-relay; add insecure: true for a relay without TLS) or choreo.hubble.file (a flow log), then restart the backend."
      />
    );
  } else if (error || !value) {
    body = (
      <ChoreoErrorPanel action="see the network flow source" error={error} />
    );
  } else {
    const withDetails =
      value.message !== undefined || value.problems !== undefined;
    body = (
      <PlatformTable
        label="Network flow source"
        columns={[
          'Type',
          'State',
          'Since',
          { title: 'Flows', align: 'right' },
          { title: 'Not decodable', align: 'right' },
          { title: 'Lost by Hubble', align: 'right' },
          { title: 'Reconnects', align: 'right' },
          'Health',
          ...(withDetails ? ['Details'] : []),
        ]}
      >
        <TableRow>
          <TableCell>{TYPE_TEXT[value.type] ?? value.type}</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            <State state={value.state} />
          </TableCell>
          <TableCell title={value.since} style={{ whiteSpace: 'nowrap' }}>
            {timeAgo(value.since) ?? '—'}
          </TableCell>
          <TableCell align="right">{count(value.received)}</TableCell>
          <TableCell align="right">{count(value.invalid)}</TableCell>
          <TableCell align="right">{count(value.lostEvents)}</TableCell>
          <TableCell align="right">{count(value.reconnects)}</TableCell>
          <TableCell>
            <Typography variant="body2">
              {STATE[value.state]?.meaning}
            </Typography>
          </TableCell>
          {withDetails ? (
            <TableCell>
              <Details status={value} />
            </TableCell>
          ) : null}
        </TableRow>
      </PlatformTable>
    );
  }
  return (
    <InfoCard
      title="Network flows"
      subheader="Where the Cell and Network tabs get their traffic from, and whether flows arrive"
    >
      {body}
    </InfoCard>
  );
};
