import { Component } from '@choreo-for-backstage/plugin-choreo-common';

/**
 * Backstage `spec.type` for a Choreo component type. The sample types map to
 * the names Backstage users know; any other type keeps its own name, which is
 * what a platform engineer called the golden path.
 */
const SPEC_TYPES: Record<string, string> = {
  service: 'service',
  'web-application': 'website',
  webapp: 'website',
  'scheduled-task': 'scheduled-task',
  worker: 'worker',
};

export function specTypeOf(componentTypeName: string): string {
  return SPEC_TYPES[componentTypeName] ?? componentTypeName;
}

/**
 * `deployment/service` → workload type `deployment`, type name `service`.
 * A name without a slash is taken as the type name.
 */
export function splitComponentTypeRef(ref: string): {
  workloadType?: string;
  typeName: string;
} {
  const slash = ref.indexOf('/');
  return slash < 0
    ? { typeName: ref }
    : { workloadType: ref.slice(0, slash), typeName: ref.slice(slash + 1) };
}

/** `ClusterComponentType:deployment/service`: kind and name of the component type a component uses. */
export function componentTypeAnnotation(component: Component): string {
  const ref = component.spec.componentType;
  return `${ref.kind ?? 'ComponentType'}:${ref.name}`;
}
