import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { messageOf } from './responseErrors';

/**
 * A 403 from the backend: says what the user tried (`action`, e.g. "see the
 * deployments of cart-service") and the backend's reason, so they know whom
 * to ask rather than seeing a generic error.
 */
export const PermissionDenied = (props: {
  action: string;
  error?: unknown;
}) => (
  <WarningPanel
    severity="warning"
    title={`You do not have permission to ${props.action}`}
    defaultExpanded
  >
    <Typography variant="body2">
      {props.error
        ? messageOf(props.error)
        : 'Ask the owners of this component or a platform engineer for access.'}
    </Typography>
  </WarningPanel>
);
