import { LinkButton } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardActions from '@material-ui/core/CardActions';
import CardContent from '@material-ui/core/CardContent';
import CardHeader from '@material-ui/core/CardHeader';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  MarketplaceEndpoint,
  VISIBILITY_REACH,
  connectTemplateUrl,
  suggestedAddressEnv,
} from './marketplaceEndpoints';

/** Tags that only repeat what the chips already say. */
const isEchoTag = (tag: string, e: MarketplaceEndpoint) =>
  tag.startsWith('visibility-') || tag === e.type.toLowerCase();

/** One endpoint: what it is, who may call it, its definition and Connect. */
export const EndpointCard = (props: {
  endpoint: MarketplaceEndpoint;
  onViewDefinition: () => void;
}) => {
  const { endpoint: e, onViewDefinition } = props;
  const tags = e.tags.filter(t => !isEchoTag(t, e));
  const connect = connectTemplateUrl({
    endpoint: e.ref,
    addressEnv: suggestedAddressEnv(e),
  });
  return (
    <Card
      component="article"
      aria-label={e.title}
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
    >
      <CardHeader
        disableTypography
        title={
          <Typography variant="h6" component="h3">
            <EntityRefLink entityRef={e.ref} title={e.title} />
          </Typography>
        }
        subheader={
          <Typography variant="body2" color="textSecondary">
            {e.component} · {e.projectTitle}
          </Typography>
        }
      />
      <CardContent style={{ flexGrow: 1, paddingTop: 0 }}>
        {e.description ? (
          <Typography variant="body2" color="textSecondary" paragraph>
            {e.description}
          </Typography>
        ) : null}
        <Box display="flex" flexWrap="wrap" style={{ gap: 6 }} mb={1}>
          <Chip size="small" color="primary" label={e.type} />
          {e.apiType && e.apiType !== e.type.toLowerCase() ? (
            <Chip size="small" variant="outlined" label={e.apiType} />
          ) : null}
          {e.port ? (
            <Chip size="small" variant="outlined" label={`port ${e.port}`} />
          ) : null}
        </Box>
        <Typography variant="caption" color="textSecondary" component="div">
          Who can connect
        </Typography>
        <Box display="flex" flexWrap="wrap" style={{ gap: 6 }} mb={1}>
          {e.visibilities.map(v => (
            <Tooltip key={v} title={`${v}: ${VISIBILITY_REACH[v]}`}>
              <Chip size="small" label={v} />
            </Tooltip>
          ))}
        </Box>
        {tags.length > 0 ? (
          <Box display="flex" flexWrap="wrap" style={{ gap: 6 }}>
            {tags.map(t => (
              <Chip key={t} size="small" variant="outlined" label={`#${t}`} />
            ))}
          </Box>
        ) : null}
      </CardContent>
      <CardActions>
        <Button size="small" onClick={onViewDefinition}>
          View definition
        </Button>
        <Box flexGrow={1} />
        <LinkButton
          size="small"
          variant="contained"
          color="primary"
          to={connect}
          // an <a> that navigates: MUI would announce it as a button
          role="link"
        >
          Connect
        </LinkButton>
      </CardActions>
    </Card>
  );
};
