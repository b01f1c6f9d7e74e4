import { ChangeRequest } from '@choreo-for-backstage/plugin-choreo-common';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { InfoCard } from '@backstage/core-components';
import { timeAgo } from '../shared';
import { STATE_WORDS, changeWords, isOpen } from './changeRequestWords';

/** Enough to see what happened lately; the audit log has the rest. */
const SHOWN = 10;

/** Decided, expired and stale requests, newest first, with why they ended so. */
export const ChangeRequestHistory = (props: { requests: ChangeRequest[] }) => {
  const closed = props.requests.filter(r => !isOpen(r)).slice(0, SHOWN);
  if (closed.length === 0) return null;
  return (
    <InfoCard title="Recent change requests">
      <Table size="small" aria-label="recent change requests">
        <TableHead>
          <TableRow>
            <TableCell>Environment</TableCell>
            <TableCell>Change</TableCell>
            <TableCell>Asked by</TableCell>
            <TableCell>Result</TableCell>
            <TableCell>Why</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {closed.map(r => (
            <TableRow key={r.id}>
              <TableCell>{r.environment}</TableCell>
              <TableCell>{changeWords(r.change)}</TableCell>
              <TableCell>
                {r.requestedBy}
                <Typography variant="caption" component="div">
                  {timeAgo(r.requestedAt) ?? ''}
                </Typography>
              </TableCell>
              <TableCell>
                {STATE_WORDS[r.state]}
                {r.decidedBy ? ` by ${r.decidedBy}` : ''}
                <Typography variant="caption" component="div">
                  {timeAgo(r.decidedAt) ?? ''}
                </Typography>
              </TableCell>
              <TableCell>
                {r.outcome ?? ''}
                {r.decisionComment && (
                  <Typography variant="body2" color="textSecondary">
                    “{r.decisionComment}”
                  </Typography>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </InfoCard>
  );
};
