import {
  CHOREO_API_VERSION,
  MutationResponse,
  ReleaseBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoWriter,
  WriteContext,
} from '@choreo-for-backstage/plugin-choreo-node';
import { ComponentContext } from './ComponentContext';

/** The fields of a ReleaseBinding a mutation owns; everything else stays as it is. */
export interface BindingChange {
  releaseName?: string;
  state?: 'Active' | 'Undeploy';
  annotations?: Record<string, string>;
}

/**
 * Applies only the fields we own (server-side-apply semantics), keeping the
 * name of an existing binding and the `{component}-{env}` convention for new ones.
 */
export async function applyBinding(
  writer: ChoreoWriter,
  ctx: ComponentContext,
  environment: string,
  change: BindingChange,
  context: WriteContext,
): Promise<MutationResponse> {
  const existing = ctx.bindings.get(environment);
  const name = existing?.metadata.name ?? `${ctx.ref.name}-${environment}`;
  const binding: ReleaseBinding = {
    apiVersion: CHOREO_API_VERSION,
    kind: 'ReleaseBinding',
    metadata: {
      name,
      namespace: ctx.ref.namespace,
      ...(change.annotations ? { annotations: change.annotations } : {}),
    },
    spec: {
      owner: {
        projectName: ctx.component.spec.owner.projectName,
        componentName: ctx.ref.name,
      },
      environment,
      ...(change.releaseName !== undefined
        ? { releaseName: change.releaseName }
        : {}),
      ...(change.state ? { state: change.state } : {}),
    },
  };
  const result = await writer.apply(binding, context);
  return {
    result: 'applied',
    action: result.action === 'deleted' ? 'updated' : result.action,
    resource: { kind: 'ReleaseBinding', namespace: ctx.ref.namespace, name },
    warnings: [],
    commit: result.commit,
  };
}
