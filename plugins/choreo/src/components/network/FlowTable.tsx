import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { FlowRecord } from '@choreo-for-backstage/plugin-choreo-common';
import {
  dropReasonText,
  endpointLabel,
  flowTime,
  l7Summary,
  portSuffix,
} from './flowDescriptions';
import { flowKey } from './flowTableState';

const Verdict = ({ verdict }: { verdict: FlowRecord['verdict'] }) => {
  if (verdict === 'FORWARDED') return <StatusOK>{verdict}</StatusOK>;
  if (verdict === 'DROPPED' || verdict === 'ERROR') {
    return <StatusError>{verdict}</StatusError>;
  }
  return <StatusWarning>{verdict}</StatusWarning>;
};

const Peer = (props: { flow: FlowRecord; side: 'source' | 'destination' }) => (
  <>
    {endpointLabel(props.flow[props.side])}
    <Typography component="span" variant="body2" color="textSecondary">
      {portSuffix(props.flow, props.side)}
    </Typography>
  </>
);

/** One row per flow, newest first. */
export const FlowTable = ({ rows }: { rows: FlowRecord[] }) => (
  <Table size="small" aria-label="Flows">
    <TableHead>
      <TableRow>
        <TableCell>Time (UTC)</TableCell>
        <TableCell>Verdict</TableCell>
        <TableCell>Source</TableCell>
        <TableCell>Destination</TableCell>
        <TableCell>L7</TableCell>
        <TableCell style={{ whiteSpace: 'nowrap' }}>Drop reason</TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {rows.map(flow => (
        <TableRow key={flowKey(flow)} hover>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            {flowTime(flow)}
          </TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            <Verdict verdict={flow.verdict} />
          </TableCell>
          <TableCell>
            <Peer flow={flow} side="source" />
          </TableCell>
          <TableCell>
            <Peer flow={flow} side="destination" />
          </TableCell>
          <TableCell>
            {l7Summary(flow) ?? (
              <Typography
                component="span"
                variant="body2"
                color="textSecondary"
              >
                {flow.protocol ?? 'L3/L4'}
              </Typography>
            )}
          </TableCell>
          <TableCell>{dropReasonText(flow.dropReason) ?? ''}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
