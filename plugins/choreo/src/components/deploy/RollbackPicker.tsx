import { ReleaseSummary } from '@choreo-for-backstage/plugin-choreo-common';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** Releases a lane can go back to: all but the one it runs. */
export function rollbackCandidates(
  releases: ReleaseSummary[],
  current?: string,
): ReleaseSummary[] {
  return releases.filter(r => r.name !== current);
}

/** The default target: the release made just before the current one (the list is newest first). */
export function defaultRollbackTarget(
  releases: ReleaseSummary[],
  current?: string,
): string | undefined {
  const index = releases.findIndex(r => r.name === current);
  const older = index >= 0 ? releases[index + 1] : undefined;
  return older?.name ?? rollbackCandidates(releases, current)[0]?.name;
}

export const RollbackPicker = (props: {
  releases: ReleaseSummary[];
  value: string;
  onChange: (name: string) => void;
}) => (
  <TextField
    select
    id="choreo-rollback-release"
    label="Release to bind"
    value={props.value}
    onChange={e => props.onChange(e.target.value)}
    fullWidth
    margin="normal"
    variant="outlined"
  >
    {props.releases.map(r => (
      <MenuItem key={r.name} value={r.name}>
        {r.name}
        {r.deployedIn.length ? ` (running in ${r.deployedIn.join(', ')})` : ''}
      </MenuItem>
    ))}
  </TextField>
);
