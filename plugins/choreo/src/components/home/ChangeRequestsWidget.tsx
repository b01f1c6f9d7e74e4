import { Link, Table, TableColumn } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  ChangeRequest,
  describeChange,
} from '@choreo-for-backstage/plugin-choreo-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { choreoApiRef } from '../../api/choreoApi';
import { STATE_WORDS } from '../deploy/changeRequestWords';
import { ChoreoErrorPanel, LoadingState, timeAgo } from '../shared';

/** The most open requests the card lists; the Deploy tabs have the rest. */
const SHOWN = 20;

const nameOf = (ref: string) => parseEntityRef(ref).name;

function deployTabOf(componentRef: string): string {
  const { namespace, name } = parseEntityRef(componentRef);
  return `/catalog/${namespace}/component/${name}/deploy`;
}

function columns(me: string | undefined): TableColumn<ChangeRequest>[] {
  return [
    {
      title: 'Change',
      render: r => (
        <>
          <Link to={deployTabOf(r.componentRef)}>
            {nameOf(r.componentRef)} in {r.environment}
          </Link>
          <Typography variant="body2" color="textSecondary">
            {describeChange(r.change)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Asked by',
      render: r => (r.requestedBy === me ? 'you' : nameOf(r.requestedBy)),
    },
    {
      title: 'State',
      render: r => (
        <>
          {STATE_WORDS[r.state]}
          <Typography variant="caption" component="div" color="textSecondary">
            {timeAgo(r.requestedAt) ?? ''}
          </Typography>
        </>
      ),
    },
  ];
}

/**
 * Home page: the changes to what runs that wait for someone's approval, in
 * the components the signed-in person may see; those they asked for say so.
 * Each opens the component's Deploy tab, where approvers decide.
 */
export const ChangeRequestsWidget = () => {
  const api = useApi(choreoApiRef);
  const identity = useApi(identityApiRef);
  const { value, loading, error } = useAsync(async () => {
    const [page, me] = await Promise.all([
      api.listChangeRequests({ open: true, limit: SHOWN }),
      identity.getBackstageIdentity(),
    ]);
    return { items: page.items, me: me.userEntityRef };
  }, [api, identity]);

  if (loading) return <LoadingState what="the changes waiting for approval" />;
  if (error || !value) {
    return (
      <ChoreoErrorPanel
        action="see the changes waiting for approval"
        error={error}
      />
    );
  }
  if (value.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No change is waiting for approval.
      </Typography>
    );
  }
  return (
    <Table<ChangeRequest>
      options={{
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={columns(value.me)}
      data={value.items}
    />
  );
};
