import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import {
  CellViewEdge,
  CellViewNode,
  isDropped,
} from '@choreo-for-backstage/plugin-choreo-common';
import { trafficLabel } from './cellTraffic';

const KIND_WORDS: Record<CellViewEdge['kind'], string> = {
  'east-west': 'Declared dependency inside the cell (east-west)',
  'north-south': 'Route through a gateway (north-south)',
  'cross-project': 'Declared dependency on another project',
  observed: 'Observed traffic that no dependency declares',
};

const Row = ({
  label,
  children,
}: {
  label: string;
  children: React.ReactNode;
}) => (
  <Box mb={1}>
    <Typography variant="caption" color="textSecondary">
      {label}
    </Typography>
    <Typography variant="body2" component="div">
      {children}
    </Typography>
  </Box>
);

export const EdgeDetails = (props: {
  edge: CellViewEdge;
  from: string;
  to: string;
  onAdd?: () => void;
}) => {
  const { edge } = props;
  const t = edge.traffic;
  return (
    <>
      <Row label="Call">
        {props.from} → {props.to}
        {edge.endpoint ? ` (endpoint ${edge.endpoint})` : ''}
      </Row>
      <Row label="Kind">{KIND_WORDS[edge.kind]}</Row>
      {edge.problem && <Row label="Problem">{edge.problem}</Row>}
      {t && (
        <Row label="Observed">
          {t.class === 'declared-unseen'
            ? 'No traffic in the window'
            : `${t.flows} flows: ${t.forwarded} forwarded, ${t.dropped} dropped`}
          {isDropped(t) && (
            <Typography variant="body2" color="error">
              {trafficLabel(t)}
            </Typography>
          )}
        </Row>
      )}
      {t?.message && <Row label="Why">{t.message}</Row>}
      {t?.suggestion && isDropped(t) && props.onAdd && (
        <Button
          variant="contained"
          color="primary"
          size="small"
          onClick={props.onAdd}
        >
          Add this dependency
        </Button>
      )}
    </>
  );
};

export const NodeDetails = ({
  node,
  entityLink,
}: {
  node: CellViewNode;
  entityLink?: string;
}) => {
  const d = node.data;
  if (d.kind === 'gateway') {
    return (
      <Row label="Gateway">
        {d.gateway.direction === 'ingress'
          ? `Routes ${d.gateway.scope} traffic into the cell, to endpoints with ${d.gateway.scope} visibility`
          : `Carries traffic from the cell to ${
              d.gateway.scope === 'external'
                ? 'the internet'
                : 'the organization network'
            }`}
      </Row>
    );
  }
  if (d.kind === 'project') {
    return (
      <Row label={`Project ${d.project} (collapsed)`}>
        {d.members.join(', ')}
      </Row>
    );
  }
  const c = d.component;
  return (
    <>
      <Row label="Component">
        {entityLink ? <Link to={entityLink}>{d.label}</Link> : d.label} (
        {c.project}/{c.name})
      </Row>
      <Row label="Status">{c.status.message}</Row>
      {c.releaseName && <Row label="Release">{c.releaseName}</Row>}
      {c.componentType && <Row label="Type">{c.componentType}</Row>}
      {d.endpointGroups.map(g => (
        <Row key={g.visibility} label={`${g.visibility} endpoints`}>
          {g.endpoints.map(e => (
            <div key={e.id}>
              {e.name} ({e.type} :{e.port}){' '}
              {e.externalURL ?? e.internalURL ?? e.serviceURL ?? ''}
            </div>
          ))}
        </Row>
      ))}
    </>
  );
};

export const DetailsPanel = (props: {
  title: string;
  onClose: () => void;
  children: React.ReactNode;
}) => (
  <Box
    role="region"
    aria-label="Details"
    p={2}
    width={340}
    flexShrink={0}
    borderLeft={1}
    borderColor="divider"
    overflow="auto"
  >
    <Box
      display="flex"
      alignItems="center"
      justifyContent="space-between"
      mb={1}
    >
      <Typography variant="h6">{props.title}</Typography>
      <IconButton
        size="small"
        aria-label="Close details"
        onClick={props.onClose}
      >
        <CloseIcon fontSize="small" />
      </IconButton>
    </Box>
    {props.children}
  </Box>
);
