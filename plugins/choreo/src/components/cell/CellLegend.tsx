import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { EDGE_COLORS } from './cellTraffic';

const Line = ({
  color,
  dashed,
  label,
}: {
  color: string;
  dashed?: boolean;
  label: string;
}) => (
  <Box display="flex" alignItems="center" mr={2} mb={0.5}>
    <svg width="28" height="8" aria-hidden>
      <line
        x1="0"
        y1="4"
        x2="28"
        y2="4"
        stroke={color}
        strokeWidth="2.5"
        strokeDasharray={dashed ? '5 3' : undefined}
      />
    </svg>
    <Typography variant="caption" style={{ marginLeft: 4 }}>
      {label}
    </Typography>
  </Box>
);

/** What the colours and dashes mean; the overlay's half only when it is on. */
export const CellLegend = ({ overlay }: { overlay: boolean }) => (
  <Box
    role="note"
    aria-label="Legend"
    display="flex"
    flexWrap="wrap"
    alignItems="center"
    px={1}
    py={0.5}
  >
    <Line
      color={EDGE_COLORS['east-west']}
      label="east-west (inside the cell)"
    />
    <Line
      color={EDGE_COLORS['north-south']}
      label="north-south (through a gateway)"
    />
    <Line color={EDGE_COLORS['cross-project']} dashed label="cross-project" />
    {overlay && (
      <>
        <Line color={EDGE_COLORS.flowing} label="traffic observed" />
        <Line color={EDGE_COLORS.dropped} label="dropped (declared)" />
        <Line
          color={EDGE_COLORS.dropped}
          dashed
          label="dropped, not declared"
        />
        <Line
          color={EDGE_COLORS.observed}
          dashed
          label="flowing, not declared"
        />
        <Line color={EDGE_COLORS.unseen} dashed label="declared, no traffic" />
      </>
    )}
    <Typography variant="caption" color="textSecondary">
      Dashed box: component of another project · left bar: deploy status
    </Typography>
  </Box>
);
