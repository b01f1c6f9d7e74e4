import Box from '@material-ui/core/Box';
import {
  FLOW_VERDICTS,
  FlowStreamFilter,
} from '@choreo-for-backstage/plugin-choreo-common';
import { FilterSelect } from '../filters/FilterSelect';
import { EnvironmentInfo } from '../platform/platformEntities';

export interface FlowFilterOptions {
  environments: EnvironmentInfo[];
  /** Component names a flow's other side can be (besides `world`). */
  peers: string[];
  /** "this component" or "this project": what ingress and egress are relative to. */
  scopeName: string;
}

const SELECT_WIDTH = 170;

/** Environment, verdict, direction and peer: the stream's own filters, applied by the server. */
export const FlowFilters = (props: {
  options: FlowFilterOptions;
  filter: FlowStreamFilter;
  onChange: (filter: FlowStreamFilter) => void;
}) => {
  const { options, filter, onChange } = props;
  const set = (patch: Partial<FlowStreamFilter>) =>
    onChange({ ...filter, ...patch });
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 12 }}>
      <FilterSelect
        id="flow-environment"
        label="Environment"
        minWidth={SELECT_WIDTH}
        value={filter.environment}
        onChange={environment => set({ environment })}
        options={options.environments.map(e => ({
          key: e.ref,
          value: e.name,
          label: `${e.title}${e.production ? ' (production)' : ''}`,
        }))}
      />
      <FilterSelect
        id="flow-verdict"
        label="Verdict"
        minWidth={SELECT_WIDTH}
        value={filter.verdict}
        onChange={verdict => set({ verdict })}
        anyLabel="Any verdict"
        options={FLOW_VERDICTS}
      />
      <FilterSelect
        id="flow-direction"
        label="Direction"
        minWidth={SELECT_WIDTH}
        value={filter.direction}
        onChange={v =>
          set({
            direction: v === 'ingress' || v === 'egress' ? v : undefined,
          })
        }
        anyLabel="Both directions"
        options={[
          { value: 'ingress', label: `Ingress (into ${options.scopeName})` },
          { value: 'egress', label: `Egress (out of ${options.scopeName})` },
        ]}
      />
      <FilterSelect
        id="flow-peer"
        label="Peer"
        minWidth={SELECT_WIDTH}
        value={filter.peer}
        onChange={peer => set({ peer })}
        anyLabel="Any peer"
        options={[
          { value: 'world', label: 'world (outside the cluster)' },
          ...options.peers,
        ]}
      />
    </Box>
  );
};
