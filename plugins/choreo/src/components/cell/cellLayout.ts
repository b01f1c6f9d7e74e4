import {
  CellLayoutGraph,
  CellPoint,
  ElkCellGraph,
  positionsFromElk,
  toElkGraph,
} from '@choreo-for-backstage/plugin-choreo-common';

/** Node positions (top-left corners) by node id. */
export type CellLayout = Map<string, CellPoint>;

export const toCellLayout = (positions: Record<string, CellPoint>) =>
  new Map(Object.entries(positions));

type ElkInstance = { layout(graph: ElkCellGraph): Promise<ElkCellGraph> };
let elk: Promise<ElkInstance> | undefined;

/**
 * elk's bundled build in the page, without a web worker; loaded on first
 * use, which is only when the backend could not lay the cell out.
 */
function elkInstance(): Promise<ElkInstance> {
  elk ??= import('elkjs/lib/elk.bundled.js').then(m => {
    const Elk = (m.default ?? m) as unknown as new () => ElkInstance;
    return new Elk();
  });
  return elk;
}

/** Lays the graph out in the browser: the fallback when the backend cannot. */
export async function layoutCellInBrowser(
  graph: CellLayoutGraph,
): Promise<CellLayout> {
  const result = await (await elkInstance()).layout(toElkGraph(graph));
  return toCellLayout(positionsFromElk(result));
}
