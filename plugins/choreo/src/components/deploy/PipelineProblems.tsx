import { WarningPanel } from '@backstage/core-components';
import { ComponentDeployments } from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';

/** Problems with the pipeline itself, and change requests that could not be read. */
export const PipelineProblems = (props: {
  deployments: ComponentDeployments;
  requestsError?: Error;
}) => {
  const problems = [...props.deployments.pipeline.problems];
  if (props.requestsError) {
    problems.push(
      `Could not read the change requests: ${props.requestsError.message}`,
    );
  }
  if (problems.length === 0) return null;
  return (
    <Box mb={2}>
      <WarningPanel
        title={`Pipeline ${props.deployments.pipeline.name ?? ''} has problems`}
        defaultExpanded
      >
        {problems.map(p => (
          <Typography key={p} variant="body2">
            {p}
          </Typography>
        ))}
      </WarningPanel>
    </Box>
  );
};
