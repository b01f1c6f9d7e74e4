import { makeStyles } from '@material-ui/core/styles';
import { Handle, Node, NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import {
  CellNodeData,
  ComponentNodeData,
  GatewayNodeData,
  ProjectNodeData,
} from '@choreo-for-backstage/plugin-choreo-common';
import { HANDLE_SIZE } from './reactFlowElements';

const useStyles = makeStyles(theme => ({
  box: {
    width: '100%',
    height: '100%',
    boxSizing: 'border-box',
    borderRadius: 6,
    border: `1px solid ${theme.palette.divider}`,
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    padding: '6px 10px',
    fontSize: 12,
    lineHeight: '18px',
    overflow: 'hidden',
    cursor: 'pointer',
  },
  outside: {
    borderStyle: 'dashed',
    background: theme.palette.background.default,
  },
  highlighted: {
    boxShadow: `0 0 0 3px ${theme.palette.warning.main}`,
  },
  failed: { borderLeft: `4px solid ${theme.palette.error.main}` },
  ready: { borderLeft: `4px solid ${theme.palette.success.main}` },
  pending: { borderLeft: `4px solid ${theme.palette.info.main}` },
  title: {
    fontWeight: 600,
    fontSize: 13,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  meta: {
    color: theme.palette.text.secondary,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  group: {
    marginTop: 2,
    textTransform: 'uppercase',
    fontSize: 10,
    letterSpacing: 0.5,
    color: theme.palette.text.secondary,
  },
  endpoint: {
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  gateway: {
    borderRadius: 24,
    background: theme.palette.type === 'dark' ? '#3b2a4a' : '#f3e5f5',
    borderColor: '#7b1fa2',
    textAlign: 'center',
    fontWeight: 600,
    paddingTop: 6,
  },
  handle: {
    opacity: 0,
    width: HANDLE_SIZE,
    height: HANDLE_SIZE,
    minWidth: 0,
    minHeight: 0,
  },
}));

const STATUS_COLORS: Record<string, string> = {
  ready: '#2e7d32',
  failed: '#d32f2f',
  progressing: '#0288d1',
  'not-deployed': '#9e9e9e',
  undeployed: '#9e9e9e',
};

/**
 * The status line: a coloured dot and words. Plain elements rather than
 * Backstage's Status components: a cell draws hundreds of these at once.
 */
const StatusLine = (props: { state: string; children: React.ReactNode }) => (
  <span style={{ whiteSpace: 'nowrap' }}>
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: 8,
        height: 8,
        borderRadius: 4,
        marginRight: 6,
        background: STATUS_COLORS[props.state] ?? '#ed6c02',
      }}
    />
    {props.children}
  </span>
);

const statusWords: Record<string, string> = {
  ready: 'Ready',
  failed: 'Failed',
  progressing: 'Progressing',
  'not-deployed': 'Not deployed',
  undeployed: 'Undeployed',
  unknown: 'Unknown',
};

const Handles = () => {
  const classes = useStyles();
  return (
    <>
      <Handle
        type="target"
        position={Position.Left}
        className={classes.handle}
        isConnectable={false}
      />
      <Handle
        type="source"
        position={Position.Right}
        className={classes.handle}
        isConnectable={false}
      />
    </>
  );
};

const ComponentNode = memo(({ data }: NodeProps<Node<ComponentNodeData>>) => {
  const classes = useStyles();
  const c = data.component;
  const state = c.status.state;
  let stateClass = classes.pending;
  if (state === 'ready') stateClass = classes.ready;
  else if (state === 'failed') stateClass = classes.failed;
  return (
    <div
      className={[
        classes.box,
        stateClass,
        data.outside ? classes.outside : '',
        data.highlighted ? classes.highlighted : '',
      ].join(' ')}
      title={c.status.message}
    >
      <Handles />
      <div className={classes.title}>{data.label}</div>
      <div className={classes.meta}>
        <StatusLine state={data.observedOnly ? 'unknown' : state}>
          {data.observedOnly
            ? 'Seen in traffic only'
            : statusWords[state] ?? state}
          {data.outside ? ` · project ${c.project}` : ''}
          {data.collapsed && data.endpointCount > 0
            ? ` · ${data.endpointCount} endpoint${
                data.endpointCount === 1 ? '' : 's'
              }`
            : ''}
        </StatusLine>
      </div>
      {!data.collapsed &&
        data.endpointGroups.map(g => (
          <div key={g.visibility}>
            <div className={classes.group}>{g.visibility}</div>
            {g.endpoints.map(e => (
              <div key={e.id} className={classes.endpoint}>
                {e.name} · {e.type} :{e.port}
              </div>
            ))}
          </div>
        ))}
    </div>
  );
});

const GatewayNode = memo(({ data }: NodeProps<Node<GatewayNodeData>>) => {
  const classes = useStyles();
  return (
    <div
      className={[
        classes.box,
        classes.gateway,
        data.highlighted ? classes.highlighted : '',
      ].join(' ')}
    >
      <Handles />
      {data.label}
      <div className={classes.meta} style={{ fontWeight: 400 }}>
        gateway
      </div>
    </div>
  );
});

const ProjectNode = memo(({ data }: NodeProps<Node<ProjectNodeData>>) => {
  const classes = useStyles();
  return (
    <div
      className={[
        classes.box,
        classes.outside,
        data.highlighted ? classes.highlighted : '',
      ].join(' ')}
      title="Click to show its components"
    >
      <Handles />
      <div className={classes.title}>Project {data.label}</div>
      <div className={classes.meta}>
        {data.members.length} component{data.members.length === 1 ? '' : 's'}{' '}
        (collapsed)
      </div>
    </div>
  );
});

export const cellNodeTypes = {
  component: ComponentNode,
  gateway: GatewayNode,
  project: ProjectNode,
};

export type CellFlowNode = Node<CellNodeData>;
