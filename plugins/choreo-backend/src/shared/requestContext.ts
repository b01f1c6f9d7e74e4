import { InputError } from '@backstage/errors';
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

export const componentParams = z.object({
  namespace: kubernetesName,
  name: kubernetesName,
});
