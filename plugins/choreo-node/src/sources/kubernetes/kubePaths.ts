import { ChoreoKindInfo } from '@choreo-for-backstage/plugin-choreo-common';

/** REST path of a kind's collection, cluster-wide or in one namespace. */
export function collectionPath(info: ChoreoKindInfo, namespace?: string) {
  const group =
    info.apiVersion === 'v1' ? '/api/v1' : `/apis/${info.apiVersion}`;
  const scope = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${group}${scope}/${info.plural}`;
}

/** REST path of one object. */
export function objectPath(
  info: ChoreoKindInfo,
  key: { name: string; namespace?: string },
): string {
  return `${collectionPath(
    info,
    info.namespaced ? key.namespace : undefined,
  )}/${encodeURIComponent(key.name)}`;
}

/** `projects.openchoreo.dev`, `namespaces` */
export function resourceName(info: ChoreoKindInfo): string {
  const group = info.apiVersion.includes('/')
    ? info.apiVersion.split('/')[0]
    : '';
  return group ? `${info.plural}.${group}` : info.plural;
}
