import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@backstage/ui';
import { ReactNode, useState } from 'react';

/**
 * Asks before a write. `description` says exactly what will change; with
 * `withComment` the user can add a comment (approve / reject). `error` says
 * why the last attempt got no answer, and the same button tries again.
 */
export const ConfirmActionDialog = (props: {
  open: boolean;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  withComment?: boolean;
  busy?: boolean;
  error?: string;
  /** What to know before confirming (a warning, e.g. taking over another manager's field). */
  notice?: string;
  children?: ReactNode;
  onConfirm: (comment?: string) => void;
  onCancel: () => void;
}) => {
  const [comment, setComment] = useState('');
  return (
    <Dialog
      open={props.open}
      onClose={props.onCancel}
      aria-labelledby="choreo-confirm-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="choreo-confirm-title">{props.title}</DialogTitle>
      <DialogContent>
        <DialogContentText component="div">
          {props.description}
        </DialogContentText>
        {props.notice && <Alert status="warning" icon title={props.notice} />}
        {props.children}
        {props.withComment && (
          <TextField
            id="choreo-confirm-comment"
            // trying again must send the very same request (its idempotency
            // key is bound to it), so the comment stays as it was sent
            disabled={!!props.error}
            label="Comment (optional)"
            value={comment}
            onChange={e => setComment(e.target.value)}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            variant="outlined"
          />
        )}
        {props.error && (
          <Typography role="alert" variant="body2" color="error">
            {props.error}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={props.busy}
          onClick={() => props.onConfirm(comment.trim() || undefined)}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
