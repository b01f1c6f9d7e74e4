import { getViewportForBounds } from '@xyflow/react';

/** A node's box, or a region of the diagram, in diagram coordinates. */
export interface CellBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** React Flow's viewport: the diagram point (0,0) sits at (x,y) on screen, scaled by zoom. */
export interface CellViewport {
  x: number;
  y: number;
  zoom: number;
}

export interface CanvasSize {
  width: number;
  height: number;
}

/**
 * Below this zoom a node's name (13 px) shrinks under about 6 px: the
 * diagram shows shapes, not names. A cell that would need less to fit opens
 * at OPENING_ZOOM on its entrance instead, and the overview map shows the rest.
 */
export const READABLE_ZOOM = 0.45;
/** How far the Cell diagram zooms out and in. */
export const CELL_ZOOM = { min: 0.05, max: 2 } as const;
export const OPENING_ZOOM = 0.6;
const FIT_PADDING = 0.1;
const EDGE_MARGIN = 24;

export function boundsOf(boxes: Iterable<CellBox>): CellBox | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (minX === Infinity) return undefined;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Where a laid-out cell opens: all of it when it fits at a readable zoom;
 * otherwise its top-left corner, where the ingress gateways and their first
 * callees are, at OPENING_ZOOM.
 */
export function openingViewport(
  bounds: CellBox,
  canvas: CanvasSize,
  zoomLimits: { min: number; max: number } = CELL_ZOOM,
): { viewport: CellViewport; whole: boolean } {
  const fit = getViewportForBounds(
    bounds,
    canvas.width,
    canvas.height,
    zoomLimits.min,
    zoomLimits.max,
    FIT_PADDING,
  );
  if (fit.zoom >= READABLE_ZOOM) return { viewport: fit, whole: true };
  const zoom = OPENING_ZOOM;
  return {
    viewport: {
      x: EDGE_MARGIN - bounds.x * zoom,
      y: EDGE_MARGIN - bounds.y * zoom,
      zoom,
    },
    whole: false,
  };
}

/** Where a diagram of placed, sized nodes opens (nothing for no nodes). */
export function openingOfNodes(
  nodes: Array<{
    position: { x: number; y: number };
    width?: number;
    height?: number;
  }>,
  canvas: CanvasSize,
): { viewport: CellViewport; whole: boolean } | undefined {
  const bounds = boundsOf(
    nodes.map(n => ({
      ...n.position,
      width: n.width ?? 0,
      height: n.height ?? 0,
    })),
  );
  return bounds && openingViewport(bounds, canvas);
}

/** The part of the diagram a canvas shows through the viewport, in diagram coordinates. */
export function visibleRegion(
  viewport: CellViewport,
  canvas: CanvasSize,
): CellBox {
  return {
    x: -viewport.x / viewport.zoom,
    y: -viewport.y / viewport.zoom,
    width: canvas.width / viewport.zoom,
    height: canvas.height / viewport.zoom,
  };
}

/** The ids of the nodes that share some area with the region. */
export function idsInRegion(
  nodes: Iterable<CellBox & { id: string }>,
  region: CellBox,
): string[] {
  const ids: string[] = [];
  for (const n of nodes) if (overlaps(n, region)) ids.push(n.id);
  return ids;
}

/** Whether two boxes share some area; touching edges do not count. */
export function overlaps(a: CellBox, b: CellBox): boolean {
  return (
    a.x < b.x + b.width &&
    b.x < a.x + a.width &&
    a.y < b.y + b.height &&
    b.y < a.y + a.height
  );
}
