import Button, { ButtonProps } from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { ComponentPermission } from '../shared';

/** A button that is greyed out, with the reason on hover, when the user may not use it. */
export const PermissionButton = ({
  permission,
  ...props
}: ButtonProps & { permission: ComponentPermission }) => {
  const button = (
    <Button
      size="small"
      {...props}
      disabled={props.disabled || !permission.allowed}
    />
  );
  if (!permission.deniedReason) return button;
  // a disabled button fires no events, so the tooltip hangs on a wrapper
  return (
    <Tooltip title={permission.deniedReason}>
      <span>{button}</span>
    </Tooltip>
  );
};
