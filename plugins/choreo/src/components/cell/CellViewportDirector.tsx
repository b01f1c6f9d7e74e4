import {
  InternalNode,
  ReactFlowState,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import { useEffect, useState } from 'react';
import { markCellReady } from './benchMarks';
import { idsInRegion, openingOfNodes, visibleRegion } from './cellViewport';

const canvasSized = (s: ReactFlowState) => s.width > 0 && s.height > 0;

/** A node's box as the layout placed and sized it. */
const boxOf = (n: InternalNode) => ({
  id: n.id,
  ...n.internals.positionAbsolute,
  width: n.width ?? 0,
  height: n.height ?? 0,
});

/** Whether every node in view is in the page (React Flow draws only those). */
function inViewDrawn(s: ReactFlowState): boolean {
  const [x, y, zoom] = s.transform;
  const region = visibleRegion({ x, y, zoom }, s);
  const wanted = idsInRegion([...s.nodeLookup.values()].map(boxOf), region);
  const drawn = new Set(
    [...(s.domNode?.querySelectorAll('.react-flow__node') ?? [])].map(e =>
      e.getAttribute('data-id'),
    ),
  );
  return wanted.every(id => drawn.has(id));
}

/**
 * Opens each new layout (all of it when it fits at a readable zoom, else its
 * entrance) and moves to each focus. Flags readiness, for tests and the
 * benchmark, once the nodes in view are in the page.
 */
export const CellViewportDirector = (props: {
  laidOut: boolean;
  focusNodes: string[];
  onReady: (ready: boolean) => void;
  onOpened: (whole: boolean) => void;
}) => {
  const sized = useStore(canvasSized);
  const store = useStoreApi();
  const flow = useReactFlow();
  const [opened, setOpened] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const { laidOut, onReady, onOpened } = props;

  // before its pan-zoom exists React Flow ignores setViewport, and `flow`
  // changes once it does: opening earlier would only open twice
  const { viewportInitialized } = flow;
  useEffect(() => {
    setOpened(false);
    setDrawn(false);
    if (!laidOut || !sized || !viewportInitialized) return;
    const { nodeLookup, width, height } = store.getState();
    const opening = openingOfNodes([...nodeLookup.values()], { width, height });
    if (!opening) return;
    flow.setViewport(opening.viewport);
    onOpened(opening.whole);
    setOpened(true);
  }, [laidOut, sized, viewportInitialized, store, flow, onOpened]);

  useEffect(() => {
    if (!opened) return undefined;
    // React Flow draws what the new viewport shows in a later frame
    let frame = requestAnimationFrame(function check() {
      if (inViewDrawn(store.getState())) setDrawn(true);
      else frame = requestAnimationFrame(check);
    });
    return () => cancelAnimationFrame(frame);
  }, [opened, store]);

  const ready = opened && drawn;
  useEffect(() => {
    if (ready) markCellReady();
    onReady(ready);
  }, [ready, onReady]);

  const key = props.focusNodes.join('|');
  useEffect(() => {
    if (!opened || !key) return;
    flow.fitView({
      nodes: key.split('|').map(id => ({ id })),
      duration: 300,
      maxZoom: 1.2,
      padding: 0.4,
    });
  }, [opened, key, flow]);
  return null;
};
