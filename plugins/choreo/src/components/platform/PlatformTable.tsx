import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ReactNode } from 'react';
import { ChoreoEmptyState } from '../shared';

/** A column heading; numbers read best right-aligned. */
export type Column = string | { title: string; align: 'right' };

/** A compact table with a header row; `label` names it for screen readers. */
export const PlatformTable = (props: {
  label: string;
  columns: Column[];
  children: ReactNode;
}) => (
  <Table size="small" aria-label={props.label}>
    <TableHead>
      <TableRow>
        {props.columns.map(column =>
          typeof column === 'string' ? (
            <TableCell key={column}>{column}</TableCell>
          ) : (
            <TableCell key={column.title} align={column.align}>
              {column.title}
            </TableCell>
          ),
        )}
      </TableRow>
    </TableHead>
    <TableBody>{props.children}</TableBody>
  </Table>
);

/**
 * A card listing one kind of platform entity, one row each; with none, it
 * says "No <title>" and `empty` tells how to make the first.
 */
export function PlatformTableCard<T>(props: {
  title: string;
  subheader: string;
  columns: Column[];
  items: T[];
  row: (item: T) => ReactNode;
  empty: string;
}) {
  return (
    <InfoCard title={props.title} subheader={props.subheader}>
      {props.items.length === 0 ? (
        <ChoreoEmptyState
          title={`No ${props.title.toLowerCase()}`}
          description={props.empty}
        />
      ) : (
        <PlatformTable label={props.title} columns={props.columns}>
          {props.items.map(item => props.row(item))}
        </PlatformTable>
      )}
    </InfoCard>
  );
}
