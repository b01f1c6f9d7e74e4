import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { useEffect, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { choreoApiRef } from '../../api/choreoApi';
import { useChoreoRef } from '../../hooks/useChoreoRef';
import {
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  SourceHealthBanner,
  messageOf,
  timeAgo,
} from '../shared';
import { CellDiagram } from './CellDiagram';
import {
  CellEnvironment,
  usePipelineEnvironments,
} from './usePipelineEnvironments';

const EnvironmentPicker = (props: {
  environments: CellEnvironment[];
  value: string;
  onChange: (name: string) => void;
}) => (
  <FormControl variant="outlined" size="small" style={{ minWidth: 220 }}>
    <InputLabel id="cell-environment-label">Environment</InputLabel>
    <Select
      labelId="cell-environment-label"
      label="Environment"
      value={props.value}
      onChange={e => props.onChange(String(e.target.value))}
    >
      {props.environments.map(env => (
        <MenuItem key={env.name} value={env.name}>
          {env.title}
        </MenuItem>
      ))}
    </Select>
  </FormControl>
);

/**
 * The cell of one project in one environment: topology, and traffic when
 * Hubble is configured. Without an environment the backend opens the first
 * of the project's pipeline, so the cell loads while the catalog is still
 * asked for the pipeline's environments.
 */
const CellOfEnvironment = (props: {
  namespace: string;
  project: string;
  environment?: string;
  onShown: (environment: string) => void;
}) => {
  const api = useApi(choreoApiRef);
  const { namespace, project, environment, onShown } = props;
  const state = useAsyncRetry(async () => {
    const ref = { namespace, name: project };
    const [topology, flows, openingLayout] = await Promise.all([
      api.getTopology(ref, environment),
      // traffic is optional: the diagram works without Hubble
      api.getProjectFlows(ref, { environment }).then(
        value => ({ value, error: undefined }),
        (error: unknown) => ({ value: undefined, error }),
      ),
      // asked with the topology, not after it; without it the diagram asks
      api.getOpeningCellLayout(ref, environment).catch(() => undefined),
    ]);
    return {
      topology,
      flows: flows.value,
      flowsError: flows.error,
      openingLayout,
    };
  }, [api, namespace, project, environment]);
  const shown = state.value?.topology.environment;
  useEffect(() => {
    if (shown) onShown(shown);
  }, [shown, onShown]);

  const where = environment ? ` in ${environment}` : '';
  if (!state.value) {
    if (state.error) {
      return (
        <ChoreoErrorPanel
          action={`load the cell of ${project}${where}`}
          error={state.error}
        />
      );
    }
    return <LoadingState what={`the cell of ${project}${where}`} />;
  }
  const { topology, flows, flowsError, openingLayout } = state.value;
  const components = topology.nodes.filter(
    n => n.kind === 'component' && n.inCell,
  );
  if (components.length === 0) {
    return (
      <ChoreoEmptyState
        title={`Project ${project} has no components yet`}
        description="Create a component in this project (Create… → Choreo component); it appears here with its endpoints and dependencies."
      />
    );
  }
  const deployed = components.filter(
    n => n.kind === 'component' && n.status.state !== 'not-deployed',
  );
  return (
    <>
      <Box mb={1}>
        <Typography variant="body2" color="textSecondary">
          {deployed.length} of {components.length} components deployed to{' '}
          {topology.environment} · cell namespace {topology.cellNamespace}
          {flows &&
            ` · traffic: ${flows.flows} flows in the ${Math.round(
              flows.window.seconds / 60,
            )} min window${
              flows.window.until ? ` ending ${timeAgo(flows.window.until)}` : ''
            }`}
        </Typography>
        {deployed.length === 0 && (
          <Typography variant="body2">
            Nothing is deployed to {topology.environment} yet: promote a release
            there from the Deploy tab of a component.
          </Typography>
        )}
        {flowsError !== undefined && (
          <Typography variant="body2" color="textSecondary" role="status">
            Observed traffic is not available: {messageOf(flowsError)}
          </Typography>
        )}
      </Box>
      <CellDiagram
        topology={topology}
        flows={flows}
        openingLayout={openingLayout}
        onDependencyAdded={state.retry}
      />
    </>
  );
};

/** The Cell tab of a project (System): its cell topology per environment, with observed traffic. */
export const CellContent = () => {
  const ref = useChoreoRef();
  const environments = usePipelineEnvironments();
  const [chosen, setChosen] = useState<string>();
  const [shown, setShown] = useState<string>();
  const list = environments.value?.environments ?? [];
  const value = chosen ?? shown;

  return (
    <Box>
      <SourceHealthBanner />
      <Box mb={2}>
        {environments.error && (
          <ChoreoErrorPanel
            action="load the project's environments"
            error={environments.error}
          />
        )}
        {list.length > 0 && (
          <EnvironmentPicker
            environments={list}
            // empty until the cell says where it opened
            value={value && list.some(e => e.name === value) ? value : ''}
            onChange={setChosen}
          />
        )}
      </Box>
      <CellOfEnvironment
        key={chosen ?? ''}
        namespace={ref.namespace}
        project={ref.name}
        environment={chosen}
        onShown={setShown}
      />
    </Box>
  );
};
