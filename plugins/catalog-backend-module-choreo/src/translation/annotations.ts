export { CHOREO_ENTITY_ANNOTATIONS } from '@choreo-for-backstage/plugin-choreo-common';

/** Backstage's own annotations the provider sets. */
export const BACKSTAGE_ANNOTATIONS = {
  managedByLocation: 'backstage.io/managed-by-location',
  managedByOriginLocation: 'backstage.io/managed-by-origin-location',
  sourceLocation: 'backstage.io/source-location',
  kubernetesLabelSelector: 'backstage.io/kubernetes-label-selector',
} as const;
