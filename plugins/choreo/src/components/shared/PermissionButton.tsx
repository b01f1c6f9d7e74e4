import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { ChoreoPermissionState } from './useChoreoPermission';

/** A button that is greyed out, with the reason on hover, when the user may not use it. */
export const PermissionButton = ({
  permission,
  ...props
}: ButtonProps & { permission: ChoreoPermissionState }) => (
  // A disabled button fires no events, so the tooltip hangs on a wrapper.
  // The wrapper is always there, so the button stays the same element when
  // the decision arrives (and keeps its focus).
  <Tooltip title={permission.deniedReason ?? ''}>
    <span>
      <Button
        size="small"
        {...props}
        disabled={props.disabled || !permission.allowed}
      />
    </span>
  </Tooltip>
);
