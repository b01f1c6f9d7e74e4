import { NotFoundError } from '@backstage/errors';
import {
  ChoreoResourceScope,
  Component,
  ComponentRef,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStoreReader } from '@choreo-for-backstage/plugin-choreo-node';

/** The component from the store; 404 when there is none. */
export function requireComponent(
  store: ChoreoStoreReader,
  ref: ComponentRef,
): Component {
  const component = store.get('Component', ref.name, ref.namespace);
  if (!component) {
    throw new NotFoundError(
      `Component '${ref.name}' not found in namespace '${ref.namespace}'`,
    );
  }
  return component;
}

/** A component as permissions see it: in its project, optionally in an environment. */
export function componentScope(
  store: ChoreoStoreReader,
  ref: ComponentRef,
  environment?: string,
): ChoreoResourceScope {
  const component = requireComponent(store, ref);
  return {
    namespace: ref.namespace,
    project: component.spec.owner.projectName,
    component: ref.name,
    ...(environment ? { environment } : {}),
  };
}

/** A project as permissions see it; 404 when the store has no such project. */
export function projectScope(
  store: ChoreoStoreReader,
  ref: { namespace: string; name: string },
): ChoreoResourceScope {
  if (!store.get('Project', ref.name, ref.namespace)) {
    throw new NotFoundError(
      `Project '${ref.name}' not found in namespace '${ref.namespace}'`,
    );
  }
  return { namespace: ref.namespace, project: ref.name };
}
