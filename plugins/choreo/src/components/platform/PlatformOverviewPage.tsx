import { Content } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ChoreoErrorPanel, LoadingState } from '../shared';
import { AccessCard } from './AccessCard';
import {
  DataPlanesCard,
  EnvironmentsCard,
  PipelinesCard,
  WorkflowPlanesCard,
} from './PlatformCards';
import { FlowSourceCard } from './FlowSourceCard';
import { SourcesCard } from './SourcesCard';
import { PlatformEntities, usePlatformEntities } from './usePlatformEntities';

const PlatformCards = ({ platform }: { platform: PlatformEntities }) => (
  <>
    <Grid item xs={12}>
      <EnvironmentsCard platform={platform} />
    </Grid>
    <Grid item xs={12}>
      <PipelinesCard platform={platform} />
    </Grid>
    <Grid item xs={12} lg={6}>
      <DataPlanesCard platform={platform} />
    </Grid>
    <Grid item xs={12} lg={6}>
      <WorkflowPlanesCard platform={platform} />
    </Grid>
  </>
);

/**
 * /choreo/platform: for platform engineers, the platform's parts, the health
 * of every source, and who may do what.
 */
export const PlatformOverviewPage = () => {
  const platform = usePlatformEntities();
  let cards: JSX.Element;
  if (platform.loading) {
    cards = (
      <Grid item xs={12}>
        <LoadingState what="the environments, pipelines and planes" />
      </Grid>
    );
  } else if (platform.error || !platform.value) {
    cards = (
      <Grid item xs={12}>
        <ChoreoErrorPanel
          action="load the platform from the catalog"
          error={platform.error}
        />
      </Grid>
    );
  } else {
    cards = <PlatformCards platform={platform.value} />;
  }
  return (
    <Content>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <SourcesCard />
        </Grid>
        <Grid item xs={12}>
          <FlowSourceCard />
        </Grid>
        {cards}
        <Grid item xs={12}>
          <AccessCard />
        </Grid>
      </Grid>
    </Content>
  );
};
