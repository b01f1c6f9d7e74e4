import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';

const COMMIT = /^[0-9a-f]{7,40}$/i;

/** Asks which commit to build; empty builds the branch head the component is set to. */
export const TriggerBuildDialog = (props: {
  component: string;
  busy: boolean;
  onBuild: (commit?: string) => void;
  onCancel: () => void;
}) => {
  const [commit, setCommit] = useState('');
  const trimmed = commit.trim();
  const invalid = trimmed !== '' && !COMMIT.test(trimmed);
  return (
    <Dialog
      open
      onClose={props.onCancel}
      aria-labelledby="choreo-build-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="choreo-build-title">
        Build {props.component}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          Starts a new build run of {props.component}. With a commit it builds
          that commit; without one, the head of the branch it is set to. A
          successful build creates a new release.
        </DialogContentText>
        <TextField
          id="choreo-build-commit"
          label="Commit (optional)"
          placeholder="e.g. 77c2e0b1"
          value={commit}
          onChange={e => setCommit(e.target.value)}
          error={invalid}
          helperText={
            invalid ? 'A commit is 7 to 40 hexadecimal characters' : ' '
          }
          fullWidth
          variant="outlined"
          margin="normal"
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={props.busy || invalid}
          onClick={() => props.onBuild(trimmed || undefined)}
        >
          Start build
        </Button>
      </DialogActions>
    </Dialog>
  );
};
