import { useEffect, useMemo, useState } from 'react';
import { CellView } from './cellGraph';
import { markCellLayout } from './benchMarks';
import { CellLayout, layoutCell, layoutKeyOf } from './cellLayout';
import { readCachedLayout, writeCachedLayout } from './layoutCache';

export interface CellLayoutState {
  /** Positions for the current view; the previous view's while a new one is computed. */
  positions?: CellLayout;
  /** The positions belong to the current view. */
  current: boolean;
  error?: Error;
}

/**
 * Runs elk after render, never during it, and only when something that
 * moves nodes changed: searching or toggling the overlay keep the layout.
 */
export function useCellLayout(view: CellView): CellLayoutState {
  const key = useMemo(() => layoutKeyOf(view), [view]);
  const [state, setState] = useState<{
    key?: string;
    positions?: CellLayout;
    error?: Error;
  }>({});

  useEffect(() => {
    let cancelled = false;
    const started = performance.now();
    const cached = readCachedLayout(key);
    if (cached && view.nodes.every(n => cached.has(n.id))) {
      markCellLayout(started);
      setState({ key, positions: cached });
      return undefined;
    }
    layoutCell(view).then(
      positions => {
        markCellLayout(started);
        writeCachedLayout(key, positions);
        if (!cancelled) setState({ key, positions });
      },
      error => !cancelled && setState(s => ({ ...s, key, error })),
    );
    return () => {
      cancelled = true;
    };
    // the key says when the layout inputs changed; `view` changes more often
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return {
    positions: state.positions,
    current: state.key === key && !!state.positions,
    error: state.key === key ? state.error : undefined,
  };
}
