import { CellViewNode } from '@choreo-for-backstage/plugin-choreo-common';

/** The words a node can be found by: name, display name, project, endpoint names. */
function wordsOf(node: CellViewNode): string[] {
  const d = node.data;
  switch (d.kind) {
    case 'component':
      return [
        d.component.name,
        d.label,
        d.component.project,
        ...d.endpointGroups.flatMap(g => g.endpoints.map(e => e.name)),
      ];
    case 'project':
      return [d.project, ...d.members];
    default:
      return [d.label, d.gateway.direction, d.gateway.scope];
  }
}

/**
 * Nodes matching `query` (case-insensitive substring), best first: exact
 * name, then name prefix, then anywhere. Empty for a blank query.
 */
export function searchCell(nodes: CellViewNode[], query: string): string[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: Array<[string, number, string]> = [];
  for (const node of nodes) {
    const words = wordsOf(node).map(w => w.toLowerCase());
    const name = words[0];
    let score = -1;
    if (name === q) score = 0;
    else if (name.startsWith(q)) score = 1;
    else if (name.includes(q)) score = 2;
    else if (words.some(w => w.includes(q))) score = 3;
    if (score >= 0) scored.push([node.id, score, name]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[2].localeCompare(b[2]));
  return scored.map(s => s[0]);
}
