import { InputError } from '@backstage/errors';
import { kubernetesNameProblem } from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod';

/** Parses input with zod; a failure becomes an InputError that names the fields to fix. */
export function parse<T>(
  schema: z.ZodType<T>,
  value: unknown,
  what: string,
): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues
      .map(i => `${i.path.length ? i.path.join('.') : what}: ${i.message}`)
      .join('; ');
    throw new InputError(`Invalid ${what}: ${problems}`);
  }
  return result.data;
}

/** Kubernetes names: what every namespace, component and environment must look like. */
export const kubernetesName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
    'must be a lower-case Kubernetes name (a-z, 0-9, -, .)',
  );

/** Whether `value` nests arrays and objects at most `max` levels deep; iterative, so any depth is safe to ask. */
function nestedAtMost(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [next, depth] = stack.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth >= max) return false;
    // own keys, `__proto__` included: JSON.parse makes it an own property
    for (const key of Object.keys(next)) {
      stack.push([(next as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return true;
}

/**
 * Free-form JSON input (parameters): a plain object nested at most
 * `maxDepth` levels. Deeper input passes JSON.parse but breaks everything
 * that walks it recursively afterwards (JSON.stringify of the request's
 * fingerprint or audit details gives up a few thousand levels down: a 500).
 * Checked on the input, before zod's record drops keys like `__proto__`,
 * because the raw body is what gets stringified.
 */
export const shallowJsonObject = (maxDepth: number) =>
  z
    .custom<unknown>(value => nestedAtMost(value, maxDepth), {
      message: `must be nested at most ${maxDepth} levels deep`,
    })
    .pipe(z.record(z.string(), z.unknown()));

/**
 * Names of organisations (namespaces), projects and components in paths:
 * RFC 1123 labels. A Kubernetes namespace is one, and OpenChoreo puts
 * project and component names in label values and DNS labels of the data
 * plane, so no longer name can exist; refusing it up front also keeps
 * references to it within what the audit log and change requests store.
 */
export const choreoLabelName = z.string().superRefine((value, ctx) => {
  const problem = kubernetesNameProblem(value, 'label', '');
  if (problem) ctx.addIssue({ code: 'custom', message: problem.trim() });
});

export const componentParams = z.object({
  namespace: choreoLabelName,
  name: choreoLabelName,
});

/**
 * Express and its JSON parser refuse malformed requests (a body that is not
 * a JSON object or array, too large, or in an unknown charset or encoding;
 * a path segment with broken percent-encoding) with errors that carry a 4xx
 * status but none of the names the router answers as such, so they came
 * back as 500. This gives the InputError they stand for, and returns any
 * other error as it is.
 */
export function malformedRequestAsInputError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { status, expose, type, limit } = error as Error & {
    status?: unknown;
    expose?: unknown;
    type?: unknown;
    limit?: unknown;
  };
  if (typeof status !== 'number' || status < 400 || status >= 500) {
    return error;
  }
  const reason = error.message.split('\n')[0].slice(0, 200);
  // Express's own, when decodeURIComponent fails on a route parameter
  if (error instanceof URIError) {
    return new InputError(`Invalid path: ${reason}`);
  }
  // body-parser's (http-errors): `expose` marks a client error
  if (expose !== true) return error;
  if (type === 'entity.too.large') {
    return new InputError(
      `Invalid request body: larger than the ${limit} bytes this route accepts`,
    );
  }
  if (type === 'entity.parse.failed') {
    return new InputError(
      `Invalid request body: not a JSON object or array (${reason})`,
    );
  }
  return new InputError(`Invalid request body: ${reason}`);
}
