import { Table, TableColumn } from '@backstage/core-components';
import { ReleaseSummary } from '@choreo-for-backstage/plugin-choreo-common';
import Chip from '@material-ui/core/Chip';
import { timeAgo } from '../shared';

const columns: TableColumn<ReleaseSummary>[] = [
  {
    title: 'Release',
    field: 'name',
    render: r => (
      <span style={{ fontFamily: 'monospace' }}>
        {r.name}
        {r.latest && (
          <Chip size="small" label="latest" style={{ marginLeft: 8 }} />
        )}
      </span>
    ),
  },
  {
    title: 'Running in',
    render: r =>
      r.deployedIn.length
        ? r.deployedIn.map(env => (
            <Chip
              key={env}
              size="small"
              variant="outlined"
              label={env}
              style={{ marginRight: 4 }}
            />
          ))
        : '—',
  },
  { title: 'Created', render: r => timeAgo(r.createdAt) ?? '—' },
  {
    title: 'Image',
    field: 'image',
    render: r => (
      <code style={{ wordBreak: 'break-all' }}>{r.image ?? '—'}</code>
    ),
  },
];

/** Every release of the component, newest first, with where each runs. */
export const ReleaseHistory = ({
  releases,
}: {
  releases: ReleaseSummary[];
}) => (
  <Table<ReleaseSummary>
    title="Release history"
    options={{
      paging: releases.length > 10,
      pageSize: 10,
      search: false,
      padding: 'dense',
    }}
    columns={columns}
    data={releases}
    emptyContent={
      <div style={{ padding: 16 }}>
        No releases yet: a successful build creates the first one.
      </div>
    }
  />
);
