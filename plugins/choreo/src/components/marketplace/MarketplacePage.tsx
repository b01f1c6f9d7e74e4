import { Content } from '@backstage/core-components';
import { Alert } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import {
  ChoreoEmptyState,
  ChoreoErrorPanel,
  LoadingState,
  SourceHealthBanner,
} from '../shared';
import { DefinitionDialog } from './DefinitionDialog';
import { EndpointCard } from './EndpointCard';
import { MarketplaceFilters } from './MarketplaceFilters';
import {
  MarketplaceEndpoint,
  MarketplaceFilter,
  VISIBILITY_REACH,
  filterEndpoints,
} from './marketplaceEndpoints';
import {
  MarketplaceData,
  useMarketplaceEndpoints,
} from './useMarketplaceEndpoints';

const EMPTY_FILTER: MarketplaceFilter = { search: '' };

const VisibilityExplained = () => (
  <Alert
    status="info"
    icon
    mb="4"
    title="Endpoints your components may call"
    description={`Visibility decides who may connect. project: ${VISIBILITY_REACH.project}; namespace: ${VISIBILITY_REACH.namespace}; internal: ${VISIBILITY_REACH.internal}; external: ${VISIBILITY_REACH.external}. Project-only endpoints are listed once you say which project you connect from.`}
  />
);

const Listing = ({ data }: { data: MarketplaceData }) => {
  const [filter, setFilter] = useState<MarketplaceFilter>(EMPTY_FILTER);
  const [viewing, setViewing] = useState<MarketplaceEndpoint>();
  const { shown, hiddenByVisibility } = filterEndpoints(data.endpoints, filter);
  const from = filter.consumer
    ? data.projects.find(
        p =>
          p.namespace === filter.consumer?.namespace &&
          p.project === filter.consumer?.project,
      )?.title
    : undefined;
  return (
    <>
      <MarketplaceFilters data={data} filter={filter} onChange={setFilter} />
      <Typography variant="body2" color="textSecondary" paragraph>
        {shown.length} endpoint{shown.length === 1 ? '' : 's'} you can connect
        to from {from ? `a component of ${from}` : 'another project'}.
        {hiddenByVisibility > 0
          ? ` ${hiddenByVisibility} more match but their visibility keeps them ${
              from ? `away from ${from}` : 'inside their own project'
            }.`
          : ''}
      </Typography>
      {shown.length === 0 ? (
        <ChoreoEmptyState
          title="No endpoint matches"
          description="Try other words or fewer filters. To see a project's own endpoints, choose it under “Connecting from”."
          action={
            <Button variant="outlined" onClick={() => setFilter(EMPTY_FILTER)}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <Grid container spacing={2} role="list" aria-label="Endpoints">
          {shown.map(e => (
            <Grid item xs={12} md={6} lg={4} key={e.ref} role="listitem">
              <EndpointCard
                endpoint={e}
                onViewDefinition={() => setViewing(e)}
              />
            </Grid>
          ))}
        </Grid>
      )}
      {viewing ? (
        <DefinitionDialog
          endpoint={viewing}
          onClose={() => setViewing(undefined)}
        />
      ) : null}
    </>
  );
};

/** /choreo/marketplace: every endpoint you may connect to, with its definition and Connect. */
export const MarketplacePage = () => {
  const { value, loading, error } = useMarketplaceEndpoints();
  let body: JSX.Element;
  if (loading) {
    body = <LoadingState what="the endpoints" />;
  } else if (error || !value) {
    body = (
      <ChoreoErrorPanel
        action="load the endpoints from the catalog"
        error={error}
      />
    );
  } else if (value.endpoints.length === 0) {
    body = (
      <ChoreoEmptyState
        title="No endpoints in the catalog yet"
        description="Endpoints come from the components' Workloads (spec.endpoints). Once a component declares one, it shows up here within a catalog refresh."
      />
    );
  } else {
    body = <Listing data={value} />;
  }
  return (
    <Content>
      <SourceHealthBanner />
      <VisibilityExplained />
      <Box>{body}</Box>
    </Content>
  );
};
