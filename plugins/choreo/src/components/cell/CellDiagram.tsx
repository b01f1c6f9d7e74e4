import {
  CellLayoutResponse,
  CellTopology,
  FlowSnapshot,
  SuggestedDependency,
  buildCellView,
  openingViewOptions,
  otherProjectsOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Background,
  Controls,
  Edge,
  MiniMap,
  Node,
  ReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { LoadingState, ChoreoErrorPanel } from '../shared';
import { AddDependencyDialog } from './AddDependencyDialog';
import { DetailsPanel, EdgeDetails, NodeDetails } from './CellDetails';
import { CellLegend } from './CellLegend';
import { cellNodeTypes } from './CellNodes';
import { searchCell } from './cellSearch';
import { CellToolbar } from './CellToolbar';
import { CanvasSize, CELL_ZOOM, openingOfNodes } from './cellViewport';
import { CellViewportDirector } from './CellViewportDirector';
import { toReactFlow } from './reactFlowElements';
import { TrafficProblems } from './TrafficProblems';
import { useCellLayout } from './useCellLayout';

const minimapColor = (n: { type?: string; data?: { outside?: unknown } }) => {
  if (n.type === 'gateway') return '#ce93d8';
  return n.data?.outside ? '#cfd8dc' : '#90caf9';
};

type Focus = { node?: string; edge?: string };

/** Says that a large cell opened on a part of itself, and how to see the rest. */
const PartOfCellHint = (props: { nodes: number }) => (
  <Box
    position="absolute"
    top={8}
    right={8}
    maxWidth="50%"
    zIndex={5}
    px={1}
    py={0.5}
    bgcolor="background.paper"
    border={1}
    borderColor="divider"
    borderRadius={4}
    role="status"
  >
    <Typography variant="caption">
      Showing the entrance of this cell ({props.nodes} nodes) at a readable
      size. Drag or scroll to move, zoom out with −, or use the overview map.
    </Typography>
  </Box>
);

/** React Flow's props that never change: its memoized parts skip the diagram's re-renders. */
const PRO_OPTIONS = { hideAttribution: true };

const CellDiagramView = (props: {
  topology: CellTopology;
  flows?: FlowSnapshot;
  /** The backend's layout of the opening view, asked for with the topology. */
  openingLayout?: CellLayoutResponse;
  onDependencyAdded: () => void;
}) => {
  const { topology, flows } = props;
  const [opening] = useState(() => openingViewOptions(topology, flows));
  const [overlay, setOverlay] = useState(opening.overlay);
  const [showEndpoints, setShowEndpoints] = useState(
    !opening.collapseEndpoints,
  );
  const [collapsedProjects, setCollapsedProjects] = useState(
    opening.collapsedProjects,
  );
  const [query, setQuery] = useState('');
  const [matchIndex, setMatchIndex] = useState(0);
  const [focus, setFocus] = useState<Focus>({});
  const [adding, setAdding] = useState<SuggestedDependency>();
  const [added, setAdded] = useState(false);
  const [ready, setReady] = useState(false);
  // the whole cell is in view, or only its entrance (large cells)
  const [whole, setWhole] = useState(true);
  const [moved, setMoved] = useState(false);

  const baseView = useMemo(
    () =>
      buildCellView(topology, flows, {
        overlay,
        collapseEndpoints: !showEndpoints,
        collapsedProjects,
      }),
    [topology, flows, overlay, showEndpoints, collapsedProjects],
  );
  const matches = useMemo(
    () => searchCell(baseView.nodes, query),
    [baseView, query],
  );
  const searchFocus = matches.length
    ? matches[matchIndex % matches.length]
    : undefined;
  const view = useMemo(
    () =>
      matches.length
        ? buildCellView(topology, flows, {
            overlay,
            collapseEndpoints: !showEndpoints,
            collapsedProjects,
            highlighted: new Set(matches),
          })
        : baseView,
    [
      baseView,
      matches,
      topology,
      flows,
      overlay,
      showEndpoints,
      collapsedProjects,
    ],
  );
  const nodesById = useMemo(
    () => new Map(view.nodes.map(n => [n.id, n])),
    [view],
  );
  const layout = useCellLayout(
    view,
    { namespace: topology.namespace, name: topology.project },
    props.openingLayout,
  );
  const otherProjects = useMemo(
    () => otherProjectsOf(topology, flows),
    [topology, flows],
  );

  const activeFocus: Focus =
    searchFocus && !focus.edge && !focus.node ? { node: searchFocus } : focus;
  const elements = useMemo(
    () =>
      layout.positions
        ? toReactFlow(view, layout.positions, activeFocus)
        : undefined,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, layout.positions, activeFocus.node, activeFocus.edge],
  );
  // where the diagram opens, known before React Flow mounts, so its first
  // frame already shows (and draws) only that part; measured before the
  // first paint (null: the canvas has no size yet, React Flow measures it)
  const canvasRef = useRef<HTMLDivElement>(null);
  const [canvas, setCanvas] = useState<CanvasSize | null>();
  useLayoutEffect(() => {
    const rect = canvasRef.current?.getBoundingClientRect();
    setCanvas(rect?.width && rect?.height ? rect : null);
  }, []);
  const openingView = useMemo(
    () =>
      (elements && canvas ? openingOfNodes(elements.nodes, canvas) : undefined)
        ?.viewport,
    // only the first layout's opening matters: later ones open through the director
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [!!elements, canvas],
  );
  const focusedEdge = activeFocus.edge
    ? view.edges.find(e => e.id === activeFocus.edge)
    : undefined;
  let focusNodes: string[] = [];
  if (focusedEdge) focusNodes = [focusedEdge.source, focusedEdge.target];
  else if (activeFocus.node) focusNodes = [activeFocus.node];
  const focusedNode = activeFocus.node
    ? nodesById.get(activeFocus.node)
    : undefined;
  const label = (id: string) => nodesById.get(id)?.data.label ?? id;

  const onOpened = useCallback((w: boolean) => {
    setWhole(w);
    setMoved(false);
  }, []);

  const onMoveStart = useCallback(
    (event: unknown) => event && setMoved(true),
    [],
  );
  const onNodeClick = useCallback((_: unknown, n: Node) => {
    if (n.type === 'project') {
      const p = (n.data as { project: string }).project;
      setCollapsedProjects(s => new Set([...s].filter(x => x !== p)));
      return;
    }
    setFocus({ node: n.id });
  }, []);
  const onEdgeClick = useCallback(
    (_: unknown, e: Edge) => setFocus({ edge: e.id }),
    [],
  );
  const onPaneClick = useCallback(() => setFocus({}), []);

  const onQuery = (q: string) => {
    setQuery(q);
    setMatchIndex(0);
    setFocus({});
  };

  return (
    <Box
      border={1}
      borderColor="divider"
      borderRadius={4}
      data-cell-diagram={ready && layout.current ? 'ready' : 'laying-out'}
      data-cell-nodes={view.nodes.length}
    >
      <CellToolbar
        query={query}
        onQuery={onQuery}
        matches={matches.length}
        matchIndex={matchIndex % Math.max(1, matches.length)}
        focusedLabel={searchFocus ? label(searchFocus) : undefined}
        onNextMatch={() => {
          setFocus({});
          setMatchIndex(i => i + 1);
        }}
        overlay={overlay}
        overlayAvailable={!!flows}
        onOverlay={setOverlay}
        showEndpoints={showEndpoints}
        onShowEndpoints={setShowEndpoints}
        otherProjects={otherProjects}
        otherProjectsCollapsed={collapsedProjects.size > 0}
        onCollapseOtherProjects={c =>
          setCollapsedProjects(new Set(c ? otherProjects : []))
        }
      />
      <Box
        display="flex"
        height={640}
        borderTop={1}
        borderBottom={1}
        borderColor="divider"
      >
        <div
          ref={canvasRef}
          style={{ flexGrow: 1, position: 'relative' }}
          aria-label={`Cell diagram of ${topology.project} in ${topology.environment}`}
          role="figure"
        >
          {layout.error && (
            <ChoreoErrorPanel
              action="lay out the cell diagram"
              error={layout.error}
            />
          )}
          {!elements && !layout.error && (
            <LoadingState what={`the layout of ${view.nodes.length} nodes`} />
          )}
          {/* gone once the view moved: by hand, or to a focused node or edge */}
          {elements && ready && !whole && !moved && !focusNodes.length && (
            <PartOfCellHint nodes={view.nodes.length} />
          )}
          {elements && canvas !== undefined && (
            // React Flow's own store starts with the nodes and the canvas
            // size (measured before the first paint), so its first render
            // draws the nodes in view at the opening viewport (an outer
            // ReactFlowProvider would start empty and render them all again)
            <ReactFlow
              nodes={elements.nodes}
              edges={elements.edges}
              nodeTypes={cellNodeTypes}
              nodesDraggable={false}
              nodesConnectable={false}
              width={canvas?.width}
              height={canvas?.height}
              defaultViewport={openingView}
              minZoom={CELL_ZOOM.min}
              maxZoom={CELL_ZOOM.max}
              onlyRenderVisibleElements
              onMoveStart={onMoveStart}
              proOptions={PRO_OPTIONS}
              onNodeClick={onNodeClick}
              onEdgeClick={onEdgeClick}
              onPaneClick={onPaneClick}
            >
              <Background gap={24} />
              <Controls showInteractive={false} />
              <MiniMap
                pannable
                zoomable
                ariaLabel="Overview of the whole cell"
                nodeColor={minimapColor}
              />
              <CellViewportDirector
                laidOut={layout.current}
                focusNodes={focusNodes}
                onReady={setReady}
                onOpened={onOpened}
              />
            </ReactFlow>
          )}
        </div>
        {focusedEdge && (
          <DetailsPanel title="Connection" onClose={() => setFocus({})}>
            <EdgeDetails
              edge={focusedEdge}
              from={label(focusedEdge.source)}
              to={label(focusedEdge.target)}
              onAdd={() => setAdding(focusedEdge.traffic?.suggestion)}
            />
          </DetailsPanel>
        )}
        {!focusedEdge && focusedNode && focus.node && (
          <DetailsPanel
            title={focusedNode.data.label}
            onClose={() => setFocus({})}
          >
            <NodeDetails node={focusedNode} />
          </DetailsPanel>
        )}
      </Box>
      <CellLegend overlay={overlay} />
      {overlay && (
        <TrafficProblems
          edges={view.edges}
          nodes={nodesById}
          onShow={e => setFocus({ edge: e.id })}
          onAdd={e => setAdding(e.traffic?.suggestion)}
        />
      )}
      {adding && (
        <AddDependencyDialog
          namespace={topology.namespace}
          suggestion={adding}
          onClose={() => {
            setAdding(undefined);
            // refetch after the user read the result, not under the open dialog
            if (added) props.onDependencyAdded();
            setAdded(false);
          }}
          onAdded={() => setAdded(true)}
        />
      )}
    </Box>
  );
};

/** Memoized: the tab's picker and banner re-render without redrawing 300 nodes. */
export const CellDiagram = memo(CellDiagramView);
