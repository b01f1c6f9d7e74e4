import Box from '@material-ui/core/Box';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { FilterSelect } from '../filters/FilterSelect';
import { MarketplaceFilter } from './marketplaceEndpoints';
import { MarketplaceData } from './useMarketplaceEndpoints';

const projectKey = (p: { namespace: string; project: string }) =>
  `${p.namespace}/${p.project}`;

/** Search, the project you connect from, and the provider's project, type and tag. */
export const MarketplaceFilters = (props: {
  data: MarketplaceData;
  filter: MarketplaceFilter;
  onChange: (filter: MarketplaceFilter) => void;
}) => {
  const { data, filter, onChange } = props;
  const set = (patch: Partial<MarketplaceFilter>) =>
    onChange({ ...filter, ...patch });
  const types = Array.from(new Set(data.endpoints.map(e => e.type))).sort();
  const tags = Array.from(new Set(data.endpoints.flatMap(e => e.tags))).sort();
  const byKey = new Map(data.projects.map(p => [projectKey(p), p]));
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 12 }} mb={2}>
      <TextField
        id="marketplace-search"
        variant="outlined"
        size="small"
        label="Search endpoints"
        value={filter.search}
        onChange={e => set({ search: e.target.value })}
        style={{ minWidth: 260 }}
        InputProps={{
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        }}
      />
      <FilterSelect
        id="marketplace-consumer"
        label="Connecting from"
        minWidth={220}
        value={filter.consumer && projectKey(filter.consumer)}
        onChange={v => set({ consumer: v ? byKey.get(v) : undefined })}
        anyLabel="Another project"
        options={data.projects.map(p => ({
          value: projectKey(p),
          label: `A component of ${p.title}`,
        }))}
      />
      <FilterSelect
        id="marketplace-project"
        label="Project"
        value={filter.project}
        onChange={project => set({ project })}
        anyLabel="All projects"
        options={data.projects.map(p => ({
          value: projectKey(p),
          label: p.title,
        }))}
      />
      <FilterSelect
        id="marketplace-type"
        label="Type"
        value={filter.type}
        onChange={type => set({ type })}
        anyLabel="All types"
        options={types}
      />
      <FilterSelect
        id="marketplace-tag"
        label="Tag"
        value={filter.tag}
        onChange={tag => set({ tag })}
        anyLabel="All tags"
        options={tags}
      />
    </Box>
  );
};
