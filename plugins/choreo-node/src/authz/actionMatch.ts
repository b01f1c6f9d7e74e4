/**
 * Whether `requested` is covered by the action pattern `pattern`, exactly as
 * OpenChoreo compares actions: `*` covers everything, `<prefix>:*` covers every
 * longer action starting with `<prefix>:`, anything else only itself.
 *
 * Plain string operations on purpose: `component:*` does not cover
 * `componentrelease:view`, and a request may itself be a pattern (`project:*`
 * is covered by `project:*` and by `*`, never by `project:view`).
 */
export function actionMatch(requested: string, pattern: string): boolean {
  if (pattern === '*' || pattern === requested) {
    return true;
  }
  if (pattern.endsWith(':*')) {
    const prefix = pattern.slice(0, -1);
    return requested.length > prefix.length && requested.startsWith(prefix);
  }
  return false;
}

/**
 * The matching function the role graph uses between a request action and a
 * stored node (a role's action, or a role name): patterns only count when they
 * look like actions (contain `:` or are `*`); role names compare exactly.
 */
export function roleNodeMatch(requested: string, stored: string): boolean {
  if (stored.includes(':') || stored === '*') {
    return actionMatch(requested, stored);
  }
  return requested === stored;
}
