import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';

export interface CellToolbarProps {
  query: string;
  onQuery: (q: string) => void;
  matches: number;
  matchIndex: number;
  focusedLabel?: string;
  onNextMatch: () => void;
  overlay: boolean;
  overlayAvailable: boolean;
  onOverlay: (on: boolean) => void;
  showEndpoints: boolean;
  onShowEndpoints: (on: boolean) => void;
  otherProjects: string[];
  otherProjectsCollapsed: boolean;
  onCollapseOtherProjects: (collapse: boolean) => void;
}

export const CellToolbar = (p: CellToolbarProps) => (
  <Box
    display="flex"
    flexWrap="wrap"
    alignItems="center"
    px={1}
    py={1}
    style={{ gap: 16 }}
  >
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <TextField
        size="small"
        variant="outlined"
        label="Find a component"
        value={p.query}
        onChange={e => p.onQuery(e.target.value)}
        onKeyDown={e => {
          if (e.key === 'Enter') p.onNextMatch();
        }}
        inputProps={{ 'aria-label': 'Find a component' }}
      />
      {p.query.trim() && (
        <Typography variant="body2" role="status">
          {p.matches === 0
            ? 'No match'
            : `${p.focusedLabel} (${p.matchIndex + 1} of ${p.matches})`}
        </Typography>
      )}
      {p.matches > 1 && (
        <Button size="small" onClick={p.onNextMatch}>
          Next match
        </Button>
      )}
    </Box>
    <FormControlLabel
      control={
        <Switch
          checked={p.overlay}
          disabled={!p.overlayAvailable}
          onChange={e => p.onOverlay(e.target.checked)}
          color="primary"
        />
      }
      label="Observed traffic (Hubble)"
    />
    <FormControlLabel
      control={
        <Switch
          checked={p.showEndpoints}
          onChange={e => p.onShowEndpoints(e.target.checked)}
          color="primary"
        />
      }
      label="Show endpoints"
    />
    {p.otherProjects.length > 0 && (
      <Button
        size="small"
        variant="outlined"
        onClick={() => p.onCollapseOtherProjects(!p.otherProjectsCollapsed)}
      >
        {p.otherProjectsCollapsed
          ? 'Expand other projects'
          : 'Collapse other projects'}
      </Button>
    )}
  </Box>
);
