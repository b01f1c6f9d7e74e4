import { CellLayout } from './cellLayout';

/**
 * Positions of recently laid-out cells, per browser tab, by layout id
 * (cellLayoutId): coming back to a cell (another tab of the entity, another
 * environment and back) shows it at once and in the same place.
 */
const PREFIX = 'choreo-cell-layout:';
const MAX_ENTRIES = 20;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // disabled storage (privacy settings)
  }
}

export function readCachedLayout(id: string): CellLayout | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + id);
    if (!raw) return undefined;
    const entries = JSON.parse(raw) as Array<[string, number, number]>;
    return new Map(entries.map(([node, x, y]) => [node, { x, y }]));
  } catch {
    return undefined;
  }
}

export function writeCachedLayout(id: string, layout: CellLayout) {
  const s = storage();
  if (!s) return;
  try {
    const own = Object.keys(s).filter(k => k.startsWith(PREFIX));
    // a crude bound: forget everything once there are too many cells
    if (own.length >= MAX_ENTRIES) own.forEach(k => s.removeItem(k));
    const entries = [...layout].map(([node, p]) => [
      node,
      Math.round(p.x),
      Math.round(p.y),
    ]);
    s.setItem(PREFIX + id, JSON.stringify(entries));
  } catch {
    // quota exceeded: the layout is only a cache
  }
}
