import { makeStyles } from '@material-ui/core';
import { CellMark } from './CellMark';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    color: '#ffffff',
    whiteSpace: 'nowrap',
  },
  name: {
    fontSize: 22,
    fontWeight: 700,
    letterSpacing: 0.5,
    lineHeight: 1,
  },
  tagline: {
    fontSize: 11,
    opacity: 0.7,
    lineHeight: 1.4,
  },
});

/** The open sidebar's logo: the mark and what the portal is. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <CellMark size={32} />
      <span>
        <span className={classes.name}>Choreo</span>
        <span className={classes.tagline} style={{ display: 'block' }}>
          developer portal
        </span>
      </span>
    </span>
  );
};
