import type { CrdSchema } from '@internal/kube-testenv';
import { jsonPath } from './structuralSchema';

type Obj = { [key: string]: unknown };
const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const has = (v: unknown, key: string) => isObj(v) && v[key] !== undefined;
/** CEL size(): list length, map entry count or string length. */
function size(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (isObj(v)) return Object.keys(v).length;
  return String(v ?? '').length;
}

/**
 * The x-kubernetes-validations rules of the OpenChoreo v1.2.3 CRDs that are simple enough to
 * evaluate here, keyed by the rule text with whitespace collapsed.
 *
 * Not evaluated on purpose:
 * - transition rules, which only apply to updates: `self == oldSelf` (immutable fields on
 *   Component, Project, ReleaseBinding, ComponentRelease, Workload, WorkflowRun, ...) and
 *   `!has(oldSelf.dataPlaneRef) || oldSelf.dataPlaneRef == self.dataPlaneRef` (Environment);
 * - rules of kinds the sample does not use (ObservabilityAlertRule and
 *   ObservabilityAlertsNotificationChannel rules). If such an object is added,
 *   its rules are reported as "not evaluated" so someone adds them here.
 */
const EVALUATORS: Record<string, (self: unknown) => boolean> = {
  '!has(self.forEach) || has(self.var)': self =>
    !has(self, 'forEach') || has(self, 'var'),
  "!has(self.kind) || self.kind == 'ClusterObservabilityPlane'": self =>
    !has(self, 'kind') || (self as Obj).kind === 'ClusterObservabilityPlane',
  '!(has(self.value) && has(self.valueFrom))': self =>
    !(has(self, 'value') && has(self, 'valueFrom')),
  'has(self.value) != has(self.valueFrom)': self =>
    has(self, 'value') !== has(self, 'valueFrom'),
  'self.all(k, k.size() > 0 && self[k].size() > 0)': self =>
    isObj(self) &&
    Object.entries(self).every(([k, v]) => k.length > 0 && size(v) > 0),
  "self.workloadType == 'proxy' || self.resources.exists(r, r.id == self.workloadType)":
    self =>
      isObj(self) &&
      (self.workloadType === 'proxy' ||
        (Array.isArray(self.resources) &&
          self.resources.some(r => isObj(r) && r.id === self.workloadType))),
  '!(has(self.validations) && size(self.validations) > 0 && has(self.preRenderValidations) && size(self.preRenderValidations) > 0)':
    self =>
      !(
        has(self, 'validations') &&
        size((self as Obj).validations) > 0 &&
        has(self, 'preRenderValidations') &&
        size((self as Obj).preRenderValidations) > 0
      ),
  // (Cluster)ResourceType, ResourceRelease and ResourceReleaseBinding outputs: exactly one source
  '(has(self.value)?1:0) + (has(self.secretKeyRef)?1:0) + (has(self.configMapKeyRef)?1:0) == 1':
    self =>
      ['value', 'secretKeyRef', 'configMapKeyRef'].filter(k => has(self, k))
        .length === 1,
  '!(has(self.componentName) && has(self.resourceName))': self =>
    !(has(self, 'componentName') && has(self, 'resourceName')),
  // AuthzRoleBinding and ClusterAuthzRoleBinding: scopes narrow from the top
  "self.roleMappings.all(m, m.roleRef.kind == 'ClusterAuthzRole')": self =>
    isObj(self) &&
    Array.isArray(self.roleMappings) &&
    self.roleMappings.every(
      m =>
        isObj(m) && isObj(m.roleRef) && m.roleRef.kind === 'ClusterAuthzRole',
    ),
  '!has(self.scope) || (!has(self.scope.project) || has(self.scope.namespace)) && (!has(self.scope.component) || has(self.scope.project))':
    self => {
      const scope = isObj(self) ? self.scope : undefined;
      return (
        !isObj(scope) ||
        ((!has(scope, 'project') || has(scope, 'namespace')) &&
          (!has(scope, 'component') || has(scope, 'project')))
      );
    },
  '!has(self.scope) || !has(self.scope.resource) || has(self.scope.project)':
    self => {
      const scope = isObj(self) ? self.scope : undefined;
      return !isObj(scope) || !has(scope, 'resource') || has(scope, 'project');
    },
  '!has(self.scope) || !has(self.scope.component) || !has(self.scope.resource)':
    self => {
      const scope = isObj(self) ? self.scope : undefined;
      return (
        !isObj(scope) || !has(scope, 'component') || !has(scope, 'resource')
      );
    },
  '!has(self.scope) || !has(self.scope.component) || has(self.scope.project)':
    self => {
      const scope = isObj(self) ? self.scope : undefined;
      return !isObj(scope) || !has(scope, 'component') || has(scope, 'project');
    },
};

const isTransitionRule = (rule: string) => /\boldSelf\b/.test(rule);

interface Validation {
  rule: string;
  message?: string;
}

/**
 * Walks `value` along `schema` and checks what ajv cannot: evaluable CEL rules and
 * x-kubernetes-list-type (map keys and set items must be unique). Returns problem messages.
 */
export function checkKubernetesExtensions(
  schema: CrdSchema,
  value: unknown,
  pointer = '',
): string[] {
  const problems: string[] = [];
  const at = jsonPath(pointer);
  for (const v of (schema['x-kubernetes-validations'] ?? []) as Validation[]) {
    const rule = v.rule.replace(/\s+/g, ' ').trim();
    if (isTransitionRule(rule)) {
      continue;
    }
    const evaluate = EVALUATORS[rule];
    if (!evaluate) {
      problems.push(
        `${at}: CEL rule not evaluated by this test, add it to celRules.ts: ${rule}`,
      );
    } else if (!evaluate(value)) {
      problems.push(`${at}: ${v.message ?? `failed rule ${rule}`}`);
    }
  }
  if (Array.isArray(value)) {
    const listType = schema['x-kubernetes-list-type'];
    const mapKeys = schema['x-kubernetes-list-map-keys'] as
      | string[]
      | undefined;
    if (listType === 'set' || (listType === 'map' && mapKeys)) {
      const seen = new Set<string>();
      for (const item of value) {
        const key = JSON.stringify(
          listType === 'map' ? mapKeys!.map(k => (item as Obj)?.[k]) : item,
        );
        if (seen.has(key)) {
          problems.push(
            `${at}: duplicate ${
              listType === 'map'
                ? `entry for key ${mapKeys!.join(',')}=`
                : 'item '
            }${key}`,
          );
        }
        seen.add(key);
      }
    }
    const items = schema.items as CrdSchema | undefined;
    if (items) {
      value.forEach((item, i) =>
        problems.push(
          ...checkKubernetesExtensions(items, item, `${pointer}/${i}`),
        ),
      );
    }
  } else if (isObj(value)) {
    const props = (schema.properties ?? {}) as Record<string, CrdSchema>;
    const additional = isObj(schema.additionalProperties)
      ? (schema.additionalProperties as CrdSchema)
      : undefined;
    for (const [key, child] of Object.entries(value)) {
      const sub = props[key] ?? additional;
      if (sub) {
        const escaped = key.replace(/~/g, '~0').replace(/\//g, '~1');
        problems.push(
          ...checkKubernetesExtensions(sub, child, `${pointer}/${escaped}`),
        );
      }
    }
  }
  return problems;
}
