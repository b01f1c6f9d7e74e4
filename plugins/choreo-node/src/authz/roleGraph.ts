import { roleNodeMatch } from './actionMatch';

/** The domain of ClusterAuthzRoles; an AuthzRole's domain is its namespace. */
export const CLUSTER_ROLE_DOMAIN = '*';

/** OpenChoreo's role manager follows at most this many links from a role. */
const MAX_HIERARCHY_LEVEL = 10;

/** Bound on memoised (domain, role, action) answers; requests name few distinct actions. */
const MAX_MEMO = 50_000;

interface Domain {
  /** Role → its actions (which may be other roles' names). */
  children: Map<string, Set<string>>;
  /** Every name in the domain: roles and actions alike. */
  nodes: Set<string>;
  /** Nodes that are patterns (`*`, `x:*`); only they match other nodes. */
  patterns: string[];
}

/**
 * Roles and their actions per domain, answering "does role R in domain D grant
 * action A" as OpenChoreo's Casbin role manager does: roles and actions are
 * nodes of one graph per domain; a role reaches its actions, the nodes a
 * pattern action covers, and through a role-name action that role's actions
 * (inheritance), up to ten links deep. The request action matches a node when
 * it equals it or is covered by it, and a request pattern (`project:*`, `*`)
 * covers the role's actions. A request equal to the role name, or `*`, is
 * granted by any role, even one that does not exist.
 */
export class RoleGraph {
  private readonly domains = new Map<string, Domain>();
  private readonly reachCache = new Map<string, ReachedNode[]>();
  private readonly memo = new Map<string, boolean>();

  /** Adds `role` → `action` in `domain` (a set: repeats change nothing). */
  addAction(role: string, action: string, domain: string): void {
    let entry = this.domains.get(domain);
    if (!entry) {
      entry = { children: new Map(), nodes: new Set(), patterns: [] };
      this.domains.set(domain, entry);
    }
    for (const node of [role, action]) {
      if (!entry.nodes.has(node)) {
        entry.nodes.add(node);
        if (isPattern(node)) {
          entry.patterns.push(node);
        }
      }
    }
    let actions = entry.children.get(role);
    if (!actions) {
      actions = new Set();
      entry.children.set(role, actions);
    }
    actions.add(action);
    this.reachCache.clear();
    this.memo.clear();
  }

  /** The actions a role lists directly in a domain (for explanations). */
  actionsOf(role: string, domain: string): string[] {
    return [...(this.domains.get(domain)?.children.get(role) ?? [])];
  }

  grants(role: string, action: string, domain: string): boolean {
    const key = `${domain}\u0000${role}\u0000${action}`;
    const known = this.memo.get(key);
    if (known !== undefined) {
      return known;
    }
    const answer = this.decide(role, action, domain);
    if (this.memo.size >= MAX_MEMO) {
      this.memo.clear();
    }
    this.memo.set(key, answer);
    return answer;
  }

  private decide(role: string, action: string, domain: string): boolean {
    if (role === action || roleNodeMatch(role, action)) {
      return true;
    }
    const entry = this.domains.get(domain);
    if (!entry) {
      return false;
    }
    for (const { node, depth } of this.reach(entry, domain, role)) {
      if (node === action || roleNodeMatch(node, action)) {
        return true;
      }
      // The request action is a node of its own, reached together with
      // every pattern action that covers it (one link below `node`).
      if (depth < MAX_HIERARCHY_LEVEL) {
        for (const child of entry.children.get(node) ?? []) {
          if (child !== action && roleNodeMatch(action, child)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Every node reachable from `role` with its first depth (≤ 10), breadth first. */
  private reach(entry: Domain, domain: string, role: string): ReachedNode[] {
    const cacheKey = `${domain}\u0000${role}`;
    const cached = this.reachCache.get(cacheKey);
    if (cached) {
      return cached;
    }
    const seen = new Set<string>([role]);
    const reached: ReachedNode[] = [{ node: role, depth: 0 }];
    let frontier = [role];
    for (let depth = 1; depth <= MAX_HIERARCHY_LEVEL; depth++) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const linked of this.links(entry, node)) {
          if (!seen.has(linked)) {
            seen.add(linked);
            next.push(linked);
            reached.push({ node: linked, depth });
          }
        }
      }
      if (next.length === 0) {
        break;
      }
      frontier = next;
    }
    this.reachCache.set(cacheKey, reached);
    return reached;
  }

  /**
   * One step of the role manager: a node's actions, the nodes each of those
   * covers when it is a pattern, and the actions of every pattern node that
   * covers this node.
   */
  private *links(entry: Domain, node: string): Iterable<string> {
    const children = entry.children.get(node);
    if (children) {
      for (const child of children) {
        yield child;
        if (isPattern(child)) {
          yield* coveredBy(entry, child);
        }
      }
    }
    for (const pattern of entry.patterns) {
      if (pattern !== node && roleNodeMatch(node, pattern)) {
        yield* entry.children.get(pattern) ?? [];
      }
    }
  }
}

interface ReachedNode {
  node: string;
  depth: number;
}

function isPattern(node: string): boolean {
  return node === '*' || node.endsWith(':*');
}

function* coveredBy(entry: Domain, pattern: string): Iterable<string> {
  for (const node of entry.nodes) {
    if (node !== pattern && roleNodeMatch(node, pattern)) {
      yield node;
    }
  }
}
