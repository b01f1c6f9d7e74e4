import { useApi } from '@backstage/frontend-plugin-api';
import {
  CellLayoutGraph,
  CellLayoutResponse,
  CellView,
  ProjectRef,
  cellLayoutId,
  layoutGraphOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import { useEffect, useMemo, useState } from 'react';
import { choreoApiRef } from '../../api/choreoApi';
import { markCellLayout } from './benchMarks';
import { CellLayout, layoutCellInBrowser, toCellLayout } from './cellLayout';
import { readCachedLayout, writeCachedLayout } from './layoutCache';

export interface CellLayoutState {
  /** Positions for the current view; the previous view's while a new one is computed. */
  positions?: CellLayout;
  /** The positions belong to the current view. */
  current: boolean;
  error?: Error;
}

/** Positions known without asking: the layout offered for this very view, or this tab's cache. */
function layoutAtHand(
  id: string,
  graph: CellLayoutGraph,
  offered: CellLayoutResponse | undefined,
): CellLayout | undefined {
  if (offered?.id === id) return toCellLayout(offered.positions);
  const cached = readCachedLayout(id);
  return cached && graph.nodes.every(n => cached.has(n.id))
    ? cached
    : undefined;
}

/**
 * Positions for the view, from the first place that has them: the layout
 * the backend offered with the topology (when it is this view's), this
 * tab's cache, the backend asked with the view's graph (it lays a graph out
 * once for every user), or elk in the browser when the backend cannot.
 * Positions at hand are there in the first render, so the diagram is drawn
 * in one pass. Only a change that moves nodes asks again: searching or
 * toggling the overlay keep the layout.
 */
export function useCellLayout(
  view: CellView,
  /** The project whose cell it is: the backend keeps layouts per project. */
  project: ProjectRef,
  offered?: CellLayoutResponse,
): CellLayoutState {
  const api = useApi(choreoApiRef);
  const graph = useMemo(() => layoutGraphOf(view), [view]);
  const id = useMemo(() => cellLayoutId(graph), [graph]);
  const [state, setState] = useState<{
    id?: string;
    positions?: CellLayout;
    error?: Error;
  }>(() => {
    const positions = layoutAtHand(id, graph, offered);
    return positions ? { id, positions } : {};
  });

  useEffect(() => {
    const started = performance.now();
    if (state.id === id && state.positions) {
      // at hand in the first render
      markCellLayout(started);
      writeCachedLayout(id, state.positions);
      return undefined;
    }
    let cancelled = false;
    const atHand = layoutAtHand(id, graph, offered);
    (atHand
      ? Promise.resolve(atHand)
      : api.layoutCell(project, graph).then(
          response => toCellLayout(response.positions),
          // an older backend, or one too busy: the browser can do it, slower
          () => layoutCellInBrowser(graph),
        )
    ).then(
      positions => {
        markCellLayout(started);
        writeCachedLayout(id, positions);
        if (!cancelled) setState({ id, positions });
      },
      error => !cancelled && setState(s => ({ ...s, id, error })),
    );
    return () => {
      cancelled = true;
    };
    // the id says when the layout inputs changed; `graph` changes more often
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, api, offered, project.namespace, project.name]);

  return {
    positions: state.positions,
    current: state.id === id && !!state.positions,
    error: state.id === id ? state.error : undefined,
  };
}
