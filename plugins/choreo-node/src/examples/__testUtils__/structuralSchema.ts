import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { CrdSchema } from '@internal/kube-testenv';

type Schema = { [key: string]: unknown };

const isSchema = (v: unknown): v is Schema =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The part of ObjectMeta a manifest may carry. CRD schemas leave metadata open because the
// apiserver validates it itself; we do the same so typos in metadata are caught too.
const DNS_SUBDOMAIN =
  '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };
export const OBJECT_META_SCHEMA: Schema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', maxLength: 253, pattern: DNS_SUBDOMAIN },
    namespace: {
      type: 'string',
      maxLength: 63,
      pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
    },
    labels: stringMap,
    annotations: stringMap,
    creationTimestamp: { type: 'string', format: 'date-time' },
    generation: { type: 'integer' },
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    finalizers: { type: 'array', items: { type: 'string' } },
  },
};

/**
 * Turns a Kubernetes structural schema into plain JSON schema for ajv:
 * - objects that do not set x-kubernetes-preserve-unknown-fields (nor additionalProperties) get
 *   additionalProperties: false, so unknown fields fail like `kubectl apply --validate=strict`;
 * - x-kubernetes-int-or-string becomes anyOf integer|string, nullable adds "null";
 * - other x-kubernetes-* keys are dropped (list types and CEL are checked by celRules.ts).
 */
export function toAjvSchema(schema: CrdSchema, root = true): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') {
      continue;
    }
    if (key === 'properties' && isSchema(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [
          name,
          root && name === 'metadata'
            ? OBJECT_META_SCHEMA
            : toAjvSchema(sub as CrdSchema, false),
        ]),
      );
    } else if ((key === 'items' || key === 'not') && isSchema(value)) {
      out[key] = toAjvSchema(value, false);
    } else if (key === 'additionalProperties' && isSchema(value)) {
      out.additionalProperties = toAjvSchema(value, false);
    } else if (
      ['allOf', 'anyOf', 'oneOf'].includes(key) &&
      Array.isArray(value)
    ) {
      out[key] = value.map(sub => toAjvSchema(sub as CrdSchema, false));
    } else {
      out[key] = value;
    }
  }
  if (schema['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    out.anyOf ??= [{ type: 'integer' }, { type: 'string' }];
  }
  const objectLike = out.type === 'object' || out.properties !== undefined;
  if (
    objectLike &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true &&
    out.additionalProperties === undefined
  ) {
    out.additionalProperties = false;
  }
  if (schema.nullable === true && typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) {
      out.enum = [...out.enum, null];
    }
  }
  return out;
}

const RFC3339 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: v => RFC3339.test(v) && !Number.isNaN(Date.parse(v)),
  });
  ajv.addFormat('int32', {
    type: 'number',
    validate: v => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31,
  });
  ajv.addFormat('int64', {
    type: 'number',
    validate: v => Number.isSafeInteger(v),
  });
  ajv.addFormat('uri', {
    type: 'string',
    validate: v => {
      try {
        return Boolean(new URL(v));
      } catch {
        return false;
      }
    },
  });
  return ajv;
}

/** `/spec/endpoints/http/port` -> `.spec.endpoints.http.port`; odd keys are bracket-quoted. */
export function jsonPath(pointer: string): string {
  if (!pointer) {
    return '<root>';
  }
  return pointer
    .split('/')
    .slice(1)
    .map(raw => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(seg => {
      if (/^\d+$/.test(seg)) {
        return `[${seg}]`;
      }
      return /^[A-Za-z_$][\w$-]*$/.test(seg)
        ? `.${seg}`
        : `[${JSON.stringify(seg)}]`;
    })
    .join('');
}

export function describeAjvError(error: ErrorObject): string {
  const at = jsonPath(error.instancePath);
  if (error.keyword === 'additionalProperties') {
    const field = (error.params as { additionalProperty: string })
      .additionalProperty;
    const base = at === '<root>' ? '' : at.replace(/^\./, '');
    return `unknown field "${base ? `${base}.` : ''}${field}"`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] })
      .allowedValues;
    return `${at}: must be one of ${allowed
      .map(v => JSON.stringify(v))
      .join(', ')}`;
  }
  return `${at}: ${error.message ?? error.keyword}`;
}

/** Compiles one validator per CRD schema, lazily. */
export class CrdValidators {
  private readonly ajv = createAjv();
  private readonly compiled = new Map<string, ValidateFunction>();

  validate(kind: string, schema: CrdSchema, object: unknown): string[] {
    let validateFn = this.compiled.get(kind);
    if (!validateFn) {
      validateFn = this.ajv.compile(toAjvSchema(schema));
      this.compiled.set(kind, validateFn);
    }
    return validateFn(object)
      ? []
      : (validateFn.errors ?? []).map(describeAjvError);
  }
}
