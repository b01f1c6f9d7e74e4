import { Table, TableColumn } from '@backstage/core-components';
import { Alert } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  BuildSummary,
  choreoBuildTriggerPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useEffect, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { choreoApiRef } from '../../api/choreoApi';
import { useChoreoRef } from '../../hooks/useChoreoRef';
import {
  ActionOutcomeAlert,
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  ShownOutcome,
  SourceHealthBanner,
  formatDuration,
  messageOf,
  timeAgo,
  useChoreoPermission,
  ChoreoAccessProvider,
  PermissionButton,
} from '../shared';
import { BuildStatus } from './BuildStatus';
import { BuildSteps } from './BuildSteps';
import { LogViewer } from './LogViewer';
import { TriggerBuildDialog } from './TriggerBuildDialog';

/** While a run is going, the list refreshes this often so its steps move on. */
const RUNNING_REFRESH_MS = 5000;

type Selected = { run: string; task?: string };

/**
 * The table's columns, made once per tab: new column objects on every
 * render make the table rebuild its rows, and a click that lands during a
 * rebuild is lost.
 */
function runColumns(
  open: (selected: Selected) => void,
): TableColumn<BuildSummary>[] {
  return [
    {
      title: 'Run',
      render: b => (
        <Button
          size="small"
          aria-label={`log of ${b.name}`}
          onClick={() => open({ run: b.name })}
          style={{
            textTransform: 'none',
            fontFamily: 'monospace',
            whiteSpace: 'nowrap',
            justifyContent: 'flex-start',
          }}
        >
          {b.name}
        </Button>
      ),
    },
    {
      title: 'Status',
      render: b => (
        <>
          <BuildStatus state={b.status.state} />
          {b.status.state !== 'ready' && (
            <Typography variant="caption" component="div" color="textSecondary">
              {b.status.message}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Commit',
      render: b => (
        <span>
          <code title={b.commit}>
            {b.commit ? b.commit.slice(0, 8) : 'branch head'}
          </code>
          {b.branch && (
            <Typography variant="caption" component="div" color="textSecondary">
              {b.branch}
            </Typography>
          )}
        </span>
      ),
    },
    {
      title: 'Steps',
      render: b => (
        <BuildSteps
          run={b.name}
          tasks={b.tasks}
          onOpen={task => open({ run: b.name, task })}
        />
      ),
    },
    {
      title: 'Started',
      render: b => timeAgo(b.startedAt ?? b.createdAt) ?? '—',
    },
    {
      title: 'Duration',
      render: b =>
        formatDuration(b.durationSeconds) ??
        (b.status.state === 'progressing' ? 'running' : '—'),
    },
  ];
}

const Builds = () => {
  const ref = useChoreoRef();
  const api = useApi(choreoApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getBuilds(ref),
    [api, ref.namespace, ref.name],
  );
  // the catalog entity names the component's project (openchoreo.dev/project)
  const canBuild = useChoreoPermission(
    choreoBuildTriggerPermission,
    ref.project
      ? { namespace: ref.namespace, project: ref.project, component: ref.name }
      : undefined,
    `start a build of ${ref.name}`,
  );
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ShownOutcome>();
  const [selected, setSelected] = useState<Selected>();
  const columns = useMemo(() => runColumns(setSelected), []);

  const running =
    value?.items.some(b => b.status.state === 'progressing') ?? false;
  useEffect(() => {
    if (!running || loading) return undefined;
    const timer = setTimeout(retry, RUNNING_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [running, loading, retry]);

  if (!value && loading)
    return <LoadingState what={`the builds of ${ref.name}`} />;
  if (!value) {
    return (
      <>
        <SourceHealthBanner />
        <ChoreoErrorPanel
          action={`see the builds of ${ref.name}`}
          error={error}
        />
      </>
    );
  }

  // the permission says who may; the trigger state says whether a build would run at all
  const buildButton =
    value.trigger.possible || !canBuild.allowed
      ? canBuild
      : { ...canBuild, allowed: false, deniedReason: value.trigger.reason };

  const build = async (commit?: string) => {
    setBusy(true);
    try {
      const r = await api.triggerBuild(ref, commit ? { commit } : {});
      const name = (r as { build?: string }).build ?? r.resource.name;
      setOutcome({
        status: 'success',
        title: `Build ${name} started${commit ? ` for commit ${commit}` : ''}.`,
        warnings: r.warnings ?? [],
      });
      setSelected({ run: name });
    } catch (e) {
      setOutcome({
        status: 'danger',
        title: `Build failed to start: ${messageOf(e)}`,
        warnings: [],
      });
    } finally {
      setBusy(false);
      setAsking(false);
      retry();
    }
  };

  return (
    <Box>
      <SourceHealthBanner />
      {outcome && (
        <ActionOutcomeAlert
          outcome={outcome}
          onDismiss={() => setOutcome(undefined)}
        />
      )}
      {!value.trigger.possible && (
        <Box mb={2}>
          <Alert
            status="info"
            icon
            title="Builds cannot start here"
            description={value.trigger.reason}
          />
        </Box>
      )}
      <Box display="flex" justifyContent="flex-end" mb={2}>
        <PermissionButton
          permission={buildButton}
          variant="contained"
          color="primary"
          size="medium"
          onClick={() => setAsking(true)}
        >
          Build
        </PermissionButton>
      </Box>
      {value.items.length === 0 ? (
        <ChoreoEmptyState
          title="No builds yet"
          description={
            value.trigger.possible
              ? `${ref.name} has not been built. Start a build with the Build button; a successful build creates a release you can deploy.`
              : `${ref.name} has not been built.`
          }
        />
      ) : (
        <Table<BuildSummary>
          title="Build runs"
          subtitle="Newest first. Click a run or a step to see its log."
          options={{
            paging: value.items.length > 10,
            pageSize: 10,
            search: false,
            padding: 'dense',
          }}
          columns={columns}
          data={value.items}
        />
      )}
      {selected && (
        <Box mt={3}>
          <LogViewer component={ref} run={selected.run} task={selected.task} />
        </Box>
      )}
      {asking && (
        <TriggerBuildDialog
          component={ref.name}
          busy={busy}
          onBuild={build}
          onCancel={() => setAsking(false)}
        />
      )}
    </Box>
  );
};

/** Component → Builds: runs newest first, a Build button and a live log viewer. */
export const BuildsContent = () => (
  <ChoreoAccessProvider>
    <Builds />
  </ChoreoAccessProvider>
);
