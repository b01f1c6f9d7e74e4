/**
 * An attribute a condition expression can read, as OpenChoreo names it:
 * `resource.<leaf>` (the CEL environment declares only the `resource` map).
 */
export type AuthzConditionAttribute = `resource.${string}`;

const ENVIRONMENT = 'resource.environment';
const COMPONENT_TYPE = 'resource.componentType';
const RESOURCE_TYPE = 'resource.resourceType';
const WORKFLOW = 'resource.workflow';

/**
 * OpenChoreo v1.2.3's condition registry: the only concrete actions whose
 * conditions may read request attributes. A condition evaluated for any other
 * action sees no `resource` at all, so it errors (and fails closed).
 */
export const OPENCHOREO_CONDITION_ATTRIBUTES: Readonly<
  Record<string, readonly AuthzConditionAttribute[]>
> = Object.freeze({
  'component:create': [COMPONENT_TYPE],
  'component:update': [COMPONENT_TYPE],
  'component:delete': [COMPONENT_TYPE],
  'resource:create': [RESOURCE_TYPE],
  'resource:update': [RESOURCE_TYPE],
  'resource:delete': [RESOURCE_TYPE],
  'workflowrun:create': [WORKFLOW],
  'workflowrun:update': [WORKFLOW],
  'workflowrun:delete': [WORKFLOW],
  'releasebinding:create': [ENVIRONMENT],
  'releasebinding:view': [ENVIRONMENT],
  'releasebinding:update': [ENVIRONMENT],
  'releasebinding:delete': [ENVIRONMENT],
  'resourcereleasebinding:create': [ENVIRONMENT],
  'resourcereleasebinding:view': [ENVIRONMENT],
  'resourcereleasebinding:update': [ENVIRONMENT],
  'resourcereleasebinding:delete': [ENVIRONMENT],
  'projectreleasebinding:create': [ENVIRONMENT],
  'projectreleasebinding:view': [ENVIRONMENT],
  'projectreleasebinding:update': [ENVIRONMENT],
  'projectreleasebinding:delete': [ENVIRONMENT],
  'component:exec': [ENVIRONMENT],
  'logs:view': [ENVIRONMENT],
  'wirelogs:view': [ENVIRONMENT],
  'metrics:view': [ENVIRONMENT],
  'traces:view': [ENVIRONMENT],
});

/**
 * Which attributes a condition may read for a given concrete action. Starts
 * from OpenChoreo's table; the portal adds its own actions (for example
 * `releasebinding:approve` reading `resource.environment`) with `withActions`.
 * Lookups are exact: patterns such as `releasebinding:*` have no attributes.
 */
export class AuthzConditionRegistry {
  private constructor(
    private readonly table: ReadonlyMap<
      string,
      readonly AuthzConditionAttribute[]
    >,
  ) {}

  /** OpenChoreo's own table, nothing else. */
  static openchoreo(): AuthzConditionRegistry {
    return new AuthzConditionRegistry(
      new Map(Object.entries(OPENCHOREO_CONDITION_ATTRIBUTES)),
    );
  }

  /**
   * A registry with more actions. Redefining an action already registered
   * with other attributes throws: an OpenChoreo action must read what
   * openchoreo-api lets it read, or the two would decide differently.
   */
  withActions(
    extra: Readonly<Record<string, readonly AuthzConditionAttribute[]>>,
  ): AuthzConditionRegistry {
    const table = new Map(this.table);
    for (const [action, attributes] of Object.entries(extra)) {
      for (const attribute of attributes) {
        if (!/^resource\.[^.]+$/.test(attribute)) {
          throw new Error(
            `Condition attribute '${attribute}' of action '${action}' must be resource.<name>`,
          );
        }
      }
      const existing = table.get(action);
      if (existing && !sameAttributes(existing, attributes)) {
        throw new Error(
          `Action '${action}' already lets conditions read ${existing.join(
            ', ',
          )}; it cannot be registered again with ${attributes.join(', ')}`,
        );
      }
      table.set(action, Object.freeze([...new Set(attributes)]));
    }
    return new AuthzConditionRegistry(table);
  }

  /** The attributes conditions may read for exactly this action ([] if none). */
  attributesFor(action: string): readonly AuthzConditionAttribute[] {
    return this.table.get(action) ?? [];
  }

  /** Every action with attributes, sorted. */
  actions(): string[] {
    return [...this.table.keys()].sort();
  }
}

function sameAttributes(
  a: readonly AuthzConditionAttribute[],
  b: readonly AuthzConditionAttribute[],
): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every(x => right.has(x));
}

/** `resource.environment` → `environment`. */
export function attributeLeaf(attribute: AuthzConditionAttribute): string {
  return attribute.slice('resource.'.length);
}
