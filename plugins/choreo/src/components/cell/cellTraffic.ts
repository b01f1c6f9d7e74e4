import {
  AddDependencyRequest,
  CellEdgeKind,
  EdgeTraffic,
  SuggestedDependency,
  isDropped,
} from '@choreo-for-backstage/plugin-choreo-common';

/** `DROPPED (POLICY_DENIED ×4)` or `12 flows`. */
export function trafficLabel(t: EdgeTraffic): string {
  if (isDropped(t)) {
    const reasons = t.dropReasons.map(([r, n]) => `${r} ×${n}`).join(', ');
    return `DROPPED${reasons ? ` (${reasons})` : ` ×${t.dropped}`}`;
  }
  if (t.class === 'declared-unseen') return '';
  const flows = `${t.flows} flow${t.flows === 1 ? '' : 's'}`;
  return t.class === 'flowing-undeclared' ? `${flows}, undeclared` : flows;
}

export const EDGE_COLORS = {
  'east-west': '#1f5493',
  'north-south': '#7b1fa2',
  'cross-project': '#00838f',
  observed: '#ef6c00',
  flowing: '#2e7d32',
  dropped: '#d32f2f',
  unseen: '#9e9e9e',
} as const;

export interface EdgeLook {
  color: string;
  dashed: boolean;
  width: number;
  animated: boolean;
}

/** Declared edges by kind; with the overlay, by what was observed on them. */
export function edgeLook(
  kind: CellEdgeKind | 'observed',
  traffic?: EdgeTraffic,
): EdgeLook {
  const declaredColor =
    kind === 'observed' ? EDGE_COLORS.observed : EDGE_COLORS[kind];
  const base = {
    color: declaredColor,
    dashed: kind === 'cross-project',
    width: 1.5,
    animated: false,
  };
  if (!traffic) return base;
  switch (traffic.class) {
    case 'declared-flowing':
      return {
        ...base,
        color: EDGE_COLORS.flowing,
        width: 2.5,
        animated: true,
      };
    case 'declared-dropped':
      return { ...base, color: EDGE_COLORS.dropped, width: 3 };
    case 'dropped-undeclared':
      return {
        color: EDGE_COLORS.dropped,
        dashed: true,
        width: 3,
        animated: false,
      };
    case 'flowing-undeclared':
      return {
        color: EDGE_COLORS.observed,
        dashed: true,
        width: 2.5,
        animated: true,
      };
    default:
      return { ...base, color: EDGE_COLORS.unseen, dashed: true };
  }
}

/** What "Add this dependency" sends: the suggestion as the Workload spells a dependency. */
export function dependencyRequestOf(
  s: SuggestedDependency,
): AddDependencyRequest | undefined {
  if (!s.name) return undefined;
  return {
    ...(s.project ? { project: s.project } : {}),
    component: s.component,
    name: s.name,
    visibility: s.visibility,
  };
}
