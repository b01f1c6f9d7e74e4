import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** A progress bar with words saying what is being loaded, so a slow backend is not a blank tab. */
export const LoadingState = ({ what }: { what: string }) => (
  <Box role="status" aria-busy="true" py={2}>
    <Progress />
    <Typography variant="body2" color="textSecondary">
      Loading {what}…
    </Typography>
  </Box>
);
