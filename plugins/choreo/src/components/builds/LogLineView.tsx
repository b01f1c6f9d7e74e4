import { memo } from 'react';
import { LogLine, highlightParts } from './logLines';

/** One log line with its number, its step (when mixing steps) and highlighted matches. */
export const LogLineView = memo(
  (props: { line: LogLine; query: string; showTask: boolean }) => {
    const { line } = props;
    return (
      <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        <span
          style={{
            color: '#757575',
            userSelect: 'none',
            display: 'inline-block',
            minWidth: 40,
          }}
        >
          {line.number}
        </span>
        {props.showTask && line.task && (
          <span style={{ color: '#64b5f6' }}>[{line.task}] </span>
        )}
        {highlightParts(line.text, props.query).map((p, i) =>
          p.match ? (
            <mark key={i} style={{ background: '#ffd54f', color: '#000' }}>
              {p.text}
            </mark>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </div>
    );
  },
);
