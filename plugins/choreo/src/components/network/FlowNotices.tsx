import { StatusPending, StatusRunning } from '@backstage/core-components';
import { Alert } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { FlowTableState, MAX_FLOW_ROWS } from './flowTableState';
import { FlowStreamStatus } from './useFlowStream';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Where the stream stands, in a few words, beside the Pause button. */
export const StreamStatusLine = (props: {
  status: FlowStreamStatus;
  paused: boolean;
  rows: number;
  onReconnect: () => void;
}) => {
  const { status, paused, rows } = props;
  const shown = `${plural(rows, 'flow')} shown`;
  if (status.state === 'ended') {
    return (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="body2">
          {status.message} {shown}.
        </Typography>
        <Button size="small" variant="outlined" onClick={props.onReconnect}>
          Reconnect
        </Button>
      </Box>
    );
  }
  if (status.state === 'failed') return null;
  let label = 'Listening for flows…';
  if (paused) label = 'Paused';
  else if (status.state === 'reconnecting') {
    label = `Connection lost; reconnecting (attempt ${status.attempt})…`;
  } else if (status.state === 'live') {
    label =
      status.reconnects > 0
        ? `Live (reconnected ${plural(status.reconnects, 'time')})`
        : 'Live';
  }
  const Icon =
    paused || status.state === 'reconnecting' ? StatusPending : StatusRunning;
  return (
    <Box
      display="flex"
      alignItems="center"
      style={{ gap: 6, whiteSpace: 'nowrap' }}
    >
      <Icon />
      <Typography variant="body2">
        {label} · {shown}
      </Typography>
    </Box>
  );
};

/** Paused and lost-flow notices: what the table is not showing, and why. */
export const FlowNotices = ({ table }: { table: FlowTableState }) => {
  const notices: JSX.Element[] = [];
  if (table.paused) {
    const held = table.pending.length;
    const dropped = table.droppedWhilePaused;
    notices.push(
      <Alert
        key="paused"
        status="info"
        icon
        title={`Paused: ${plural(held, 'new flow')} held back`}
        description={`The stream stays open; new flows wait and appear when you resume. Up to ${MAX_FLOW_ROWS} are held, the oldest go first${
          dropped > 0 ? ` (${plural(dropped, 'flow')} dropped so far)` : ''
        }.`}
      />,
    );
  }
  if (table.lost > 0) {
    notices.push(
      <Alert
        key="lost"
        status="warning"
        icon
        title={`Lost ${plural(table.lost, 'flow')}`}
        description="They arrived faster than this page read them, so the server skipped them: the table is missing them. Narrow the filters to see everything."
      />,
    );
  }
  if (notices.length === 0) return null;
  return (
    <Box mb={2} display="grid" style={{ gap: 8 }}>
      {notices}
    </Box>
  );
};
