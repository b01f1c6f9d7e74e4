import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  CellViewEdge,
  CellViewNode,
  isDropped,
} from '@choreo-for-backstage/plugin-choreo-common';
import { trafficLabel } from './cellTraffic';

/** Edges worth a look: dropped calls, undeclared traffic and declared edges that cannot work. */
export const problemEdgesOf = (edges: CellViewEdge[]) =>
  edges.filter(
    e =>
      isDropped(e.traffic) ||
      e.traffic?.class === 'flowing-undeclared' ||
      e.problem,
  );

/**
 * The overlay's findings as a list under the diagram: at 300 components a
 * red edge is easy to miss, a list is not, and it works without a mouse.
 */
export const TrafficProblems = (props: {
  edges: CellViewEdge[];
  nodes: Map<string, CellViewNode>;
  onShow: (edge: CellViewEdge) => void;
  onAdd: (edge: CellViewEdge) => void;
}) => {
  const problems = problemEdgesOf(props.edges);
  if (problems.length === 0) return null;
  const name = (id: string) => props.nodes.get(id)?.data.label ?? id;
  return (
    <Box
      component="section"
      aria-label="Traffic that needs attention"
      px={1}
      py={1}
    >
      <Typography variant="subtitle2">
        Needs attention ({problems.length})
      </Typography>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {problems.map(e => (
          <li key={e.id}>
            <Typography
              variant="body2"
              component="span"
              color={isDropped(e.traffic) ? 'error' : 'textPrimary'}
            >
              {name(e.source)} → {name(e.target)}
              {e.endpoint ? ` (${e.endpoint})` : ''}:{' '}
              {e.traffic ? trafficLabel(e.traffic) : e.problem}
            </Typography>
            {e.traffic?.message && (
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {' '}
                — {e.traffic.message}
              </Typography>
            )}
            <Button size="small" onClick={() => props.onShow(e)}>
              Show
            </Button>
            {isDropped(e.traffic) && e.traffic?.suggestion && (
              <Button
                size="small"
                color="primary"
                onClick={() => props.onAdd(e)}
              >
                Add this dependency
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Box>
  );
};
