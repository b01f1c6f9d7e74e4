import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { kubernetesNameProblem } from '@choreo-for-backstage/plugin-choreo-common';

/** A Choreo resource as the backend API names it. */
export interface ChoreoName {
  namespace: string;
  name: string;
}

/**
 * Reads what a template passes for a Choreo resource: an entity ref from a
 * catalog picker (`system:acme/payments`, `resource:acme/staging`), a short
 * ref (`acme/payments`) or a bare name with the namespace given apart. The
 * catalog provider names entities after their Choreo resources (Choreo
 * namespace = Backstage namespace), so the ref's namespace and name are the
 * Choreo ones. Refs of another kind are refused: a picker pointed at the
 * wrong kind should fail loudly, not write to a look-alike name.
 */
export function choreoNameOf(
  value: string,
  options: {
    /** The entity kind the ref must have, e.g. `system` for a project. */
    kind: 'system' | 'component' | 'resource';
    /** Field name for messages, e.g. `project`. */
    what: string;
    /** Used when the value carries no namespace. */
    namespace?: string;
  },
): ChoreoName {
  const { kind, what } = options;
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: options.namespace || 'default',
    });
  } catch (error) {
    throw new InputError(
      `${what} '${value}' is not an entity ref or name: ${
        (error as Error).message
      }`,
    );
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new InputError(
      `${what} '${value}' is a ${ref.kind} entity; pick a ${kind} entity (or give its Choreo name)`,
    );
  }
  const problem =
    kubernetesNameProblem(ref.namespace, 'label', `${what} namespace`) ??
    kubernetesNameProblem(ref.name, 'label', what);
  if (problem) throw new InputError(problem);
  return { namespace: ref.namespace, name: ref.name };
}

/** The component of an action's componentInputShape input: entity ref or name plus namespace. */
export const componentNameOf = (input: {
  component: string;
  namespace?: string;
}): ChoreoName =>
  choreoNameOf(input.component, {
    kind: 'component',
    what: 'component',
    namespace: input.namespace,
  });

/** `component:acme/checkout-api`: the catalog entity the provider makes for a component. */
export const componentEntityRef = (ref: ChoreoName) =>
  `component:${ref.namespace}/${ref.name}`;

/**
 * A DeploymentPipeline's name from its name or its Resource entity ref. The
 * provider names pipeline entities `{pipeline}-pipeline` (pipelines share the
 * Resource kind with environments), so the suffix comes off a ref only.
 */
export function pipelineNameOf(value: string, namespace: string): string {
  if (!value.toLocaleLowerCase('en-US').startsWith('resource:')) {
    return choreoNameOf(value, {
      kind: 'resource',
      what: 'pipeline',
      namespace,
    }).name;
  }
  const { name } = choreoNameOf(value, {
    kind: 'resource',
    what: 'pipeline',
    namespace,
  });
  return name.endsWith('-pipeline') ? name.slice(0, -'-pipeline'.length) : name;
}
