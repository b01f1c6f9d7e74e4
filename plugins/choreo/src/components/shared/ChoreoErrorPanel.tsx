import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { PermissionDenied } from './PermissionDenied';
import { isPermissionDenied, messageOf, statusCodeOf } from './responseErrors';

/**
 * A failed load. 403 becomes the permission-denied state; anything else shows
 * the backend's message (it says what is wrong and what to do).
 */
export const ChoreoErrorPanel = (props: {
  /** What failed, as a verb phrase: "load the deployments of cart-service". */
  action: string;
  error: unknown;
}) => {
  if (isPermissionDenied(props.error)) {
    return <PermissionDenied action={props.action} error={props.error} />;
  }
  const code = statusCodeOf(props.error);
  return (
    <WarningPanel
      severity="error"
      title={`Could not ${props.action}${code ? ` (HTTP ${code})` : ''}`}
      defaultExpanded
    >
      <Typography variant="body2">{messageOf(props.error)}</Typography>
    </WarningPanel>
  );
};
