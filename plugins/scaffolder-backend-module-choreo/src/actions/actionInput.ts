import { InputError } from '@backstage/errors';
import {
  KubernetesNameRule,
  kubernetesNameProblem,
} from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';

/** The zod the scaffolder hands to schema functions (zod 3 API). */
export type Zod = typeof z;

/**
 * A Kubernetes name, checked in the handler so a bad one is refused with a
 * message that says what is wrong and how to fix it (JSON schema's "does not
 * match pattern" does not). `label` for names that end up in labels (projects,
 * components, environments), `subdomain` for other object names.
 */
export function kubernetesName(
  zImpl: Zod,
  what: string,
  description: string,
  rule: KubernetesNameRule = 'label',
) {
  return zImpl
    .string({ required_error: `${what} is required` })
    .superRefine((value, ctx) => {
      const problem = kubernetesNameProblem(value, rule, what);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe(description);
}

/**
 * `inner`, or `''` meaning "not given" (then `inner`'s default applies): form
 * fields left empty arrive as `''`, as the templates pass every field. The
 * union shows in the JSON schema too, so the scaffolder's own validation,
 * which runs before the handler, lets an empty form field through.
 */
export function blankable<T extends z.ZodTypeAny>(zImpl: Zod, inner: T) {
  return zImpl
    .union([zImpl.literal(''), inner])
    .transform(
      (value): z.output<T> => (value === '' ? inner.parse(undefined) : value),
    );
}

/** An optional string; `''` counts as absent. */
export function optionalText(zImpl: Zod, description: string) {
  return blankable(zImpl, zImpl.string().optional()).describe(description);
}

/** An optional Kubernetes name; `''` counts as absent. */
export function optionalKubernetesName(
  zImpl: Zod,
  what: string,
  description: string,
  rule: KubernetesNameRule = 'label',
) {
  return blankable(
    zImpl,
    kubernetesName(zImpl, what, description, rule).optional(),
  ).describe(description);
}

/**
 * Parses the action input with the action's own schema. The scaffolder has
 * already checked the JSON schema made from it; this adds the refinements
 * JSON schema cannot say (Kubernetes names) and the defaults, and turns the
 * problems into one InputError the task log shows.
 */
export function parseActionInput<T extends z.ZodTypeAny>(
  actionId: string,
  schema: T,
  input: unknown,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(issue =>
    issue.code === 'custom' || issue.path.length === 0
      ? issue.message
      : `${issue.path.join('.')}: ${issue.message}`,
  );
  throw new InputError(`Invalid input to ${actionId}: ${problems.join('; ')}`);
}

/** The component an action works on: entity ref from a picker, or name plus namespace. */
export const componentInputShape = (zImpl: Zod) => ({
  component: zImpl
    .string()
    .min(1, 'component is required')
    .describe(
      'The component: a Component entity ref (`component:acme/checkout-api`) or its name',
    ),
  namespace: blankable(zImpl, zImpl.string().optional()).describe(
    'Control-plane namespace; taken from `component` when that is an entity ref',
  ),
});

/** An environment: its name or its Resource entity ref from a picker. */
export const environmentInput = (
  zImpl: Zod,
  what: string,
  description: string,
) =>
  zImpl
    .string()
    .min(1, `${what} is required`)
    .describe(
      `${description}: environment name or Resource entity ref (\`resource:acme/staging\`)`,
    );
