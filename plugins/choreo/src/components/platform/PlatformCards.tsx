import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import { Fragment, ReactNode } from 'react';
import { PlatformEntityRef, PlaneInfo } from './platformEntities';
import { PlatformTableCard } from './PlatformTable';
import { PipelineOverview, PlatformEntities } from './usePlatformEntities';

const Muted = ({ children }: { children: ReactNode }) => (
  <Typography component="span" variant="body2" color="textSecondary">
    {children}
  </Typography>
);

const RefLink = ({ entity }: { entity: PlatformEntityRef }) => (
  <EntityRefLink entityRef={entity.ref} title={entity.title} />
);

/** Title of any platform entity by ref, for links between them. */
function titles(platform: PlatformEntities): Map<string, PlatformEntityRef> {
  return new Map(
    [
      ...platform.environments,
      ...platform.pipelines,
      ...platform.dataPlanes,
      ...platform.workflowPlanes,
    ].map(e => [e.ref, e]),
  );
}

const LinkTo = (props: {
  refs: Map<string, PlatformEntityRef>;
  entityRef: string;
}) => {
  const known = props.refs.get(props.entityRef);
  return known ? (
    <RefLink entity={known} />
  ) : (
    <EntityRefLink entityRef={props.entityRef} />
  );
};

export const EnvironmentsCard = ({
  platform,
}: {
  platform: PlatformEntities;
}) => {
  const refs = titles(platform);
  return (
    <PlatformTableCard
      title="Environments"
      subheader="Where components run, in promotion order"
      empty="Create one with the “Create an environment” template on the Create page."
      columns={[
        'Environment',
        'Namespace',
        'Production',
        'Data plane',
        'Description',
      ]}
      items={platform.environments}
      row={e => (
        <TableRow key={e.ref}>
          <TableCell>
            <RefLink entity={e} />
          </TableCell>
          <TableCell>{e.namespace}</TableCell>
          <TableCell>
            {e.production ? (
              <Chip size="small" color="secondary" label="Production" />
            ) : (
              <Muted>No</Muted>
            )}
          </TableCell>
          <TableCell>
            {e.dataPlaneRef ? (
              <LinkTo refs={refs} entityRef={e.dataPlaneRef} />
            ) : (
              <Muted>unknown</Muted>
            )}
          </TableCell>
          <TableCell>{e.description ?? ''}</TableCell>
        </TableRow>
      )}
    />
  );
};

/** The environments in promotion order with arrows; unordered when no project could tell the order. */
const PromotionPath = (props: {
  pipeline: PipelineOverview;
  refs: Map<string, PlatformEntityRef>;
}) => {
  const { pipeline, refs } = props;
  const ordered = pipeline.promotionOrder;
  const environments = ordered ?? pipeline.environmentRefs;
  if (environments.length === 0) return <Muted>no environments</Muted>;
  return (
    <Box
      display="flex"
      alignItems="center"
      flexWrap="wrap"
      style={{ gap: 4 }}
      aria-label={`Promotion path of ${pipeline.title}`}
    >
      {environments.map((ref, i) => (
        <Fragment key={ref}>
          {i > 0 && ordered ? (
            <ArrowForwardIcon fontSize="small" aria-label="then" />
          ) : null}
          {i > 0 && !ordered ? ', ' : null}
          <LinkTo refs={refs} entityRef={ref} />
        </Fragment>
      ))}
      {ordered ? null : (
        <Muted>(order unknown: no project deploys along it yet)</Muted>
      )}
    </Box>
  );
};

export const PipelinesCard = ({ platform }: { platform: PlatformEntities }) => {
  const refs = titles(platform);
  return (
    <PlatformTableCard
      title="Deployment pipelines"
      subheader="The paths a release is promoted along"
      empty="Projects need one to promote releases. Create one with the pipeline template on the Create page."
      columns={['Pipeline', 'Namespace', 'Promotion path', 'Used by']}
      items={platform.pipelines}
      row={p => (
        <TableRow key={p.ref}>
          <TableCell>
            <RefLink entity={p} />
          </TableCell>
          <TableCell>{p.namespace}</TableCell>
          <TableCell>
            <PromotionPath pipeline={p} refs={refs} />
          </TableCell>
          <TableCell>
            {p.projectRefs.length === 0 ? (
              <Muted>no project</Muted>
            ) : (
              p.projectRefs.map((ref, i) => (
                <Fragment key={ref}>
                  {i > 0 ? ', ' : ''}
                  <EntityRefLink entityRef={ref} />
                </Fragment>
              ))
            )}
          </TableCell>
        </TableRow>
      )}
    />
  );
};

const EnvironmentList = ({
  environments,
}: {
  environments: PlatformEntityRef[];
}) =>
  environments.length === 0 ? (
    <Muted>none</Muted>
  ) : (
    <>
      {environments.map((e, i) => (
        <Fragment key={e.ref}>
          {i > 0 ? ', ' : ''}
          <RefLink entity={e} />
        </Fragment>
      ))}
    </>
  );

const PlanesCard = (props: {
  title: string;
  subheader: string;
  planes: PlaneInfo[];
  /** Data planes: the environments that run on each. */
  environmentsOn?: (plane: PlaneInfo) => PlatformEntityRef[];
  empty: string;
}) => {
  const { environmentsOn } = props;
  return (
    <PlatformTableCard
      title={props.title}
      subheader={props.subheader}
      empty={props.empty}
      columns={[
        'Name',
        'Scope',
        'Plane id',
        ...(environmentsOn ? ['Environments'] : []),
      ]}
      items={props.planes}
      row={p => (
        <TableRow key={p.ref}>
          <TableCell>
            <RefLink entity={p} />
            {p.networkPolicyProvider ? (
              <Muted> · network policies: {p.networkPolicyProvider}</Muted>
            ) : null}
          </TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            {p.clusterScoped ? 'cluster (all namespaces)' : 'namespace'}
          </TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            {p.planeId ? <code>{p.planeId}</code> : <Muted>—</Muted>}
          </TableCell>
          {environmentsOn ? (
            <TableCell>
              <EnvironmentList environments={environmentsOn(p)} />
            </TableCell>
          ) : null}
        </TableRow>
      )}
    />
  );
};

export const DataPlanesCard = ({
  platform,
}: {
  platform: PlatformEntities;
}) => (
  <PlanesCard
    title="Data planes"
    subheader="Clusters that run the components"
    planes={platform.dataPlanes}
    environmentsOn={plane =>
      platform.environments.filter(e => e.dataPlaneRef === plane.ref)
    }
    empty="Environments need a data plane to run on. Register a cluster as a DataPlane (or ClusterDataPlane) in the control plane."
  />
);

export const WorkflowPlanesCard = ({
  platform,
}: {
  platform: PlatformEntities;
}) => (
  <PlanesCard
    title="Workflow planes"
    subheader="Clusters that run the builds"
    planes={platform.workflowPlanes}
    empty="Builds need a workflow plane. Register a cluster with Argo Workflows as a WorkflowPlane (or ClusterWorkflowPlane)."
  />
);
