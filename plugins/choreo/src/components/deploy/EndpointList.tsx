import { Link } from '@backstage/core-components';
import { DeployedEndpoint } from '@choreo-for-backstage/plugin-choreo-common';
import Typography from '@material-ui/core/Typography';

/** The URLs of an endpoint, labelled by where they can be called from. */
export function endpointUrls(
  ep: DeployedEndpoint,
): Array<{ label: string; url: string }> {
  const urls: Array<{ label: string; url: string }> = [];
  const add = (label: string, url?: string) => {
    if (url && !urls.some(u => u.url === url)) urls.push({ label, url });
  };
  add('public', ep.invokeURL);
  add('public', ep.externalURL);
  add('internal', ep.internalURL);
  add('in-cluster', ep.serviceURL);
  return urls;
}

export const EndpointList = ({
  endpoints,
}: {
  endpoints: DeployedEndpoint[];
}) => {
  if (endpoints.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No endpoints
      </Typography>
    );
  }
  return (
    <ul style={{ margin: 0, paddingLeft: 16 }} aria-label="endpoints">
      {endpoints.map(ep => (
        <li key={ep.name}>
          <Typography variant="body2" component="span">
            {ep.name}
            {ep.type ? ` (${ep.type})` : ''}
          </Typography>
          {endpointUrls(ep).map(u => (
            <Typography
              key={u.url}
              variant="body2"
              component="div"
              style={{ wordBreak: 'break-all' }}
            >
              {u.label}:{' '}
              {/^https?:/.test(u.url) ? <Link to={u.url}>{u.url}</Link> : u.url}
            </Typography>
          ))}
        </li>
      ))}
    </ul>
  );
};
