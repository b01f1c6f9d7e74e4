import { CellLayout } from './cellLayout';

/**
 * Positions of recently laid-out cells, per browser tab: coming back to a
 * cell (another tab of the entity, another environment and back) shows it
 * at once and in the same place, instead of waiting for elk again.
 */
const PREFIX = 'choreo-cell-layout:';
const MAX_ENTRIES = 20;

/** FNV-1a over the layout key: keys of big cells are tens of kilobytes. */
export function layoutHash(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}-${key.length}`;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // disabled storage (privacy settings)
  }
}

export function readCachedLayout(key: string): CellLayout | undefined {
  try {
    const raw = storage()?.getItem(PREFIX + layoutHash(key));
    if (!raw) return undefined;
    const entries = JSON.parse(raw) as Array<[string, number, number]>;
    return new Map(entries.map(([id, x, y]) => [id, { x, y }]));
  } catch {
    return undefined;
  }
}

export function writeCachedLayout(key: string, layout: CellLayout) {
  const s = storage();
  if (!s) return;
  try {
    const own = Object.keys(s).filter(k => k.startsWith(PREFIX));
    // a crude bound: forget everything once there are too many cells
    if (own.length >= MAX_ENTRIES) own.forEach(k => s.removeItem(k));
    const entries = [...layout].map(([id, p]) => [
      id,
      Math.round(p.x),
      Math.round(p.y),
    ]);
    s.setItem(PREFIX + layoutHash(key), JSON.stringify(entries));
  } catch {
    // quota exceeded: the layout is only a cache
  }
}
