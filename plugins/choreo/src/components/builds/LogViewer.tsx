import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ChoreoErrorPanel } from '../shared';
import { LogLineView } from './LogLineView';
import { logFileName, logFileText, matchingLines } from './logLines';
import { useBuildLogStream } from './useBuildLogStream';

/** How close to the bottom still counts as "at the tail". */
const TAIL_SLACK_PX = 24;

function download(name: string, text: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'text/plain;charset=utf-8' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function emptyWords(streaming: boolean, hasLines: boolean): string {
  if (streaming) return 'Waiting for the first lines…';
  return hasLines ? 'No line matches the search.' : 'This log is empty.';
}

/**
 * The log of a run or of one step: streams while the run goes on and follows
 * the tail until the user scrolls up; search highlights or filters lines.
 */
export const LogViewer = (props: {
  component: { namespace: string; name: string };
  run: string;
  task?: string;
}) => {
  const { lines, streaming, endReason, error } = useBuildLogStream(
    props.component,
    props.run,
    props.task,
  );
  const [query, setQuery] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [following, setFollowing] = useState(true);
  const scroller = useRef<HTMLDivElement>(null);
  const shown = onlyMatches ? matchingLines(lines, query) : lines;
  const matches = query.trim() ? matchingLines(lines, query).length : 0;

  useEffect(() => setFollowing(true), [props.run, props.task]);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (following && el) el.scrollTop = el.scrollHeight;
  }, [following, shown.length]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    const atTail =
      el.scrollTop + el.clientHeight >= el.scrollHeight - TAIL_SLACK_PX;
    if (atTail !== following) setFollowing(atTail);
  };

  const title = props.task ? `${props.run} › ${props.task}` : props.run;
  const state = streaming
    ? 'streaming…'
    : `ended${endReason && endReason !== 'complete' ? ` (${endReason})` : ''}`;
  return (
    <Box component="section" aria-label={`log of ${title}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 12 }}
        mb={1}
      >
        <Typography
          variant="h6"
          style={{ fontFamily: 'monospace', fontSize: 16 }}
        >
          {title}
        </Typography>
        <Typography variant="body2" color="textSecondary" role="status">
          {lines.length} lines, {state}
        </Typography>
        <Box flexGrow={1} />
        <TextField
          id="choreo-log-search"
          size="small"
          variant="outlined"
          label="Search the log"
          value={query}
          onChange={e => setQuery(e.target.value)}
          helperText={query.trim() ? `${matches} matching lines` : ' '}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={onlyMatches}
              onChange={e => setOnlyMatches(e.target.checked)}
            />
          }
          label="Only matching lines"
        />
        <Button
          variant="outlined"
          size="small"
          disabled={following}
          onClick={() => setFollowing(true)}
        >
          {following ? 'Following the tail' : 'Follow the tail'}
        </Button>
        <Button
          variant="outlined"
          size="small"
          disabled={lines.length === 0}
          onClick={() =>
            download(logFileName(props.run, props.task), logFileText(lines))
          }
        >
          Download .log
        </Button>
      </Box>
      {error && (
        <ChoreoErrorPanel action={`read the log of ${title}`} error={error} />
      )}
      {/* nothing to show but the error: no empty black box under it */}
      <div
        hidden={Boolean(error) && lines.length === 0}
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-label={`log lines of ${title}`}
        style={{
          height: 420,
          overflow: 'auto',
          background: '#1e1e1e',
          color: '#e0e0e0',
          fontFamily: 'monospace',
          fontSize: 12,
          padding: 8,
          borderRadius: 4,
        }}
      >
        {shown.map(l => (
          <LogLineView
            key={l.number}
            line={l}
            query={query}
            showTask={!props.task}
          />
        ))}
        {shown.length === 0 && (
          <span style={{ color: '#9e9e9e' }}>
            {emptyWords(streaming, lines.length > 0)}
          </span>
        )}
      </div>
    </Box>
  );
};
