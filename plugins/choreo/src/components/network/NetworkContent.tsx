import { InfoCard, WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import { FlowStreamFilter } from '@choreo-for-backstage/plugin-choreo-common';
import { useState } from 'react';
import { ChoreoResourceRef, useChoreoRef } from '../../hooks/useChoreoRef';
import {
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  PermissionDenied,
  SourceHealthBanner,
  messageOf,
  statusCodeOf,
} from '../shared';
import { FlowFilterOptions, FlowFilters } from './FlowFilters';
import { FlowTable } from './FlowTable';
import { FlowNotices, StreamStatusLine } from './FlowNotices';
import { MAX_FLOW_ROWS } from './flowTableState';
import { useFlowStream } from './useFlowStream';
import {
  NamespaceNetworkScope,
  useNamespaceNetworkScope,
} from './useNamespaceNetworkScope';

const scopeNameOf = (ref: ChoreoResourceRef) =>
  ref.kind === 'Project' ? `project ${ref.name}` : ref.name;

/** A stream that could not start: no flow source, no permission, or another error. */
const StreamFailure = (props: {
  error: unknown;
  scopeName: string;
  onReconnect: () => void;
}) => {
  const code = statusCodeOf(props.error);
  if (code === 503) {
    return (
      <WarningPanel
        severity="info"
        title="No network flow source is configured"
        defaultExpanded
      >
        <Typography variant="body2">{messageOf(props.error)}</Typography>
      </WarningPanel>
    );
  }
  if (code === 403) {
    return (
      <PermissionDenied
        action={`see the traffic of ${props.scopeName}`}
        error={props.error}
      />
    );
  }
  return (
    <>
      <ChoreoErrorPanel
        action={`stream the flows of ${props.scopeName}`}
        error={props.error}
      />
      <Box mt={1}>
        <Button variant="outlined" onClick={props.onReconnect}>
          Reconnect
        </Button>
      </Box>
    </>
  );
};

const LiveFlows = (props: {
  choreoRef: ChoreoResourceRef;
  scope: NamespaceNetworkScope;
}) => {
  const { choreoRef, scope } = props;
  const [filter, setFilter] = useState<FlowStreamFilter>({
    environment: scope.environments[0].name,
  });
  const stream = useFlowStream(choreoRef, filter);
  const { table, status } = stream;
  const scopeName = scopeNameOf(choreoRef);
  const options: FlowFilterOptions = {
    environments: scope.environments,
    peers: scope.components.filter(
      c => choreoRef.kind !== 'Component' || c !== choreoRef.name,
    ),
    scopeName,
  };
  const environmentTitle =
    scope.environments.find(e => e.name === filter.environment)?.title ??
    filter.environment;

  if (
    status.state === 'failed' &&
    [403, 503].includes(statusCodeOf(status.error) ?? 0)
  ) {
    return (
      <StreamFailure
        error={status.error}
        scopeName={scopeName}
        onReconnect={stream.reconnect}
      />
    );
  }

  return (
    <InfoCard
      title="Live flows"
      subheader={`Traffic Hubble sees to and from ${scopeName} in ${environmentTitle}. The newest ${MAX_FLOW_ROWS} flows are kept.`}
    >
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 16 }}
        mb={2}
      >
        <FlowFilters options={options} filter={filter} onChange={setFilter} />
        <Box flexGrow={1} />
        <StreamStatusLine
          status={status}
          paused={table.paused}
          rows={table.rows.length}
          onReconnect={stream.reconnect}
        />
        {table.paused ? (
          <Button
            variant="contained"
            color="primary"
            startIcon={<PlayArrowIcon />}
            onClick={stream.resume}
          >
            Resume
          </Button>
        ) : (
          <Button
            variant="outlined"
            startIcon={<PauseIcon />}
            onClick={stream.pause}
          >
            Pause
          </Button>
        )}
      </Box>
      <FlowNotices table={table} />
      {status.state === 'failed' ? (
        <StreamFailure
          error={status.error}
          scopeName={scopeName}
          onReconnect={stream.reconnect}
        />
      ) : null}
      {table.rows.length > 0 ? <FlowTable rows={table.rows} /> : null}
      {table.rows.length === 0 && status.state !== 'failed' ? (
        <ChoreoEmptyState
          title={`No flows of ${scopeName} in ${environmentTitle} yet`}
          description="Flows show up here as Hubble reports them. If nothing comes, the component may get no traffic in this environment, or the filters leave nothing: choose another environment or widen the filters."
        />
      ) : null}
    </InfoCard>
  );
};

/** Component or project → Network tab: the live Hubble flows of its cell. */
export const NetworkContent = () => {
  const choreoRef = useChoreoRef();
  const scope = useNamespaceNetworkScope(choreoRef);
  let body: JSX.Element;
  if (scope.loading) {
    body = <LoadingState what="the environments" />;
  } else if (scope.error || !scope.value) {
    body = (
      <ChoreoErrorPanel
        action={`load the environments of ${choreoRef.namespace} from the catalog`}
        error={scope.error}
      />
    );
  } else if (scope.value.environments.length === 0) {
    body = (
      <ChoreoEmptyState
        title={`No environments in ${choreoRef.namespace}`}
        description="Flows are shown per environment. Ask a platform engineer to create one (the Create page has an environment template), then come back."
      />
    );
  } else {
    body = <LiveFlows choreoRef={choreoRef} scope={scope.value} />;
  }
  return (
    <Box>
      <SourceHealthBanner />
      {body}
    </Box>
  );
};
