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
import { ChoreoSourceStatus } from '@choreo-for-backstage/plugin-choreo-common';
import useAsync from 'react-use/esm/useAsync';
import { choreoApiRef } from '../../api/choreoApi';
import {
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  timeAgo,
  unreadableCount,
} from '../shared';
import { PlatformTable } from './PlatformTable';

type SourceDetails = NonNullable<ChoreoSourceStatus['details']>;

const STATE_TEXT: Record<ChoreoSourceStatus['state'], string> = {
  synced: 'Synced',
  starting: 'Starting',
  stale: 'Stale',
  failing: 'Failing',
};

const State = ({ state }: { state: ChoreoSourceStatus['state'] }) => {
  const text = STATE_TEXT[state] ?? state;
  if (state === 'synced') return <StatusOK>{text}</StatusOK>;
  if (state === 'failing') return <StatusError>{text}</StatusError>;
  if (state === 'stale') return <StatusWarning>{text}</StatusWarning>;
  return <StatusPending>{text}</StatusPending>;
};

/** What the state means and what to do about it: for everyone. */
const Health = ({ source }: { source: ChoreoSourceStatus }) => {
  const unreadable = unreadableCount(source);
  return (
    <>
      <Typography variant="body2">{source.summary}</Typography>
      {source.whatToDo ? (
        <Typography variant="body2" color="textSecondary">
          {source.whatToDo}
        </Typography>
      ) : null}
      {unreadable ? (
        <Typography variant="body2" color="textSecondary">
          {unreadable}
        </Typography>
      ) : null}
    </>
  );
};

/** The source's own messages; only there for people allowed to see them. */
const Details = ({ details }: { details: SourceDetails }) => (
  <>
    {details.message ? (
      <Typography variant="body2">{details.message}</Typography>
    ) : null}
    {details.problems.length > 0 ? (
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {details.problems.map((p, i) => (
          <li key={i}>
            <Typography variant="body2">
              {p.file ? (
                <code>
                  {p.file}
                  {p.line ? `:${p.line}` : ''}
                </code>
              ) : null}
              {p.file ? ': ' : ''}
              {p.message}
            </Typography>
          </li>
        ))}
      </ul>
    ) : null}
    {!details.message && details.problems.length === 0 ? (
      <Typography variant="body2" color="textSecondary">
        No problems
      </Typography>
    ) : null}
  </>
);

/** Every configured Choreo source (control plane or directory) and how its sync is going. */
export const SourcesCard = () => {
  const api = useApi(choreoApiRef);
  const { value, loading, error } = useAsync(() => api.getSources(), [api]);
  let body: JSX.Element;
  if (loading) {
    body = <LoadingState what="the sources" />;
  } else if (error || !value) {
    body = <ChoreoErrorPanel action="see the sources" error={error} />;
  } else if (value.items.length === 0) {
    body = (
      <ChoreoEmptyState
        title="No Choreo sources are configured"
        description="Add a control plane or a directory of manifests under choreo.sources in app-config.yaml, then restart the backend."
      />
    );
  } else {
    // the details column only for people who get details at all
    const withDetails = value.items.some(s => s.details);
    body = (
      <PlatformTable
        label="Sources"
        columns={[
          'Source',
          'Type',
          'State',
          'Since',
          { title: 'Resources', align: 'right' },
          'Health',
          ...(withDetails ? ['Details'] : []),
        ]}
      >
        {value.items.map(s => (
          <TableRow key={s.source}>
            <TableCell>{s.source}</TableCell>
            <TableCell>{s.type}</TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <State state={s.state} />
            </TableCell>
            <TableCell title={s.since} style={{ whiteSpace: 'nowrap' }}>
              {timeAgo(s.since) ?? '—'}
            </TableCell>
            <TableCell align="right">{s.resourceCount}</TableCell>
            <TableCell>
              <Health source={s} />
            </TableCell>
            {withDetails ? (
              <TableCell>
                {s.details ? <Details details={s.details} /> : null}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </PlatformTable>
    );
  }
  return (
    <InfoCard
      title="Sources"
      subheader="Where the catalog's Choreo entities come from, and whether they are current"
    >
      {body}
    </InfoCard>
  );
};
