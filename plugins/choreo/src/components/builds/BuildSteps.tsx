import { BuildTask } from '@choreo-for-backstage/plugin-choreo-common';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import { formatDuration } from '../shared';
import { StepPhase } from './BuildStatus';

/** The steps of a run in order; each opens its own log. */
export const BuildSteps = (props: {
  run: string;
  tasks: BuildTask[];
  onOpen: (task: string) => void;
}) => {
  if (props.tasks.length === 0) return <span>—</span>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {props.tasks.map(t => {
        const duration = formatDuration(t.durationSeconds);
        const label = `${t.name}${duration ? ` ${duration}` : ''}`;
        return (
          <Tooltip
            key={t.name}
            title={`${t.phase ?? 'Pending'}${
              t.message ? `: ${t.message}` : ''
            } — open the log of this step`}
          >
            <Button
              size="small"
              variant="outlined"
              aria-label={`log of step ${t.name} of ${props.run}`}
              onClick={() => props.onOpen(t.name)}
              style={{
                textTransform: 'none',
                whiteSpace: 'nowrap',
                padding: '0 6px',
              }}
            >
              <StepPhase phase={t.phase} />
              {label}
            </Button>
          </Tooltip>
        );
      })}
    </span>
  );
};
