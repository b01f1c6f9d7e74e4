import fc from 'fast-check';
import {
  PROTOTYPE_KEYS,
  anyExtra,
  deepArray,
  deepObject,
  hugeString,
  notAString,
  unknownKey,
  withOwnKey,
} from './hostileInputs';

/**
 * A request body's schema as the fuzz test sees it: enough to generate
 * valid bodies, bodies broken in exactly one place, and (shapeViolation) to
 * tell whether an arbitrary JSON value breaks it. It mirrors the routes' zod schemas
 * (which stay private to their files) so the generators know, rather than
 * guess, that a body is invalid.
 */
export type Shape =
  | {
      type: 'string';
      valid: fc.Arbitrary<string>;
      accepts: (value: string) => boolean;
      /** Invalid strings to try; huge ones are added where `accepts` has a limit. */
      invalid?: fc.Arbitrary<string>;
    }
  | {
      type: 'number';
      valid: fc.Arbitrary<number>;
      accepts: (value: number) => boolean;
      invalid: fc.Arbitrary<number>;
    }
  | { type: 'boolean' }
  | { type: 'enum'; values: readonly (string | number)[] }
  | {
      type: 'object';
      fields: Record<string, Field>;
      /** Valid values, where the fields alone do not make one (cell graphs). */
      generate?: fc.Arbitrary<unknown>;
      /** zod `.strict()`: unknown keys are refused. */
      strict: boolean;
      /** A refinement over the whole object, as zod's `.refine`. */
      refine?: (value: Record<string, unknown>) => boolean;
      /** Values that pass every field but not the refinement. */
      breaksRefinement?: fc.Arbitrary<unknown>;
    }
  | {
      type: 'array';
      item: Shape;
      min: number;
      max: number;
      /** Values the item checks pass but the array refuses (duplicates, too many). */
      breaksRefinement?: fc.Arbitrary<unknown>;
      /** Makes generated valid arrays unique by this key. */
      uniqueBy?: (item: unknown) => unknown;
    }
  /** Free-form JSON (`shallowJsonObject`): a plain object nested at most `maxDepth` levels. */
  | { type: 'record'; maxDepth: number }
  /** Options are strict objects with disjoint required keys, so a broken option fits none. */
  | { type: 'union'; options: Shape[] };

export interface Field {
  shape: Shape;
  optional?: boolean;
}

/** A value the shape refuses, and where it was broken. */
export interface Broken {
  value: unknown;
  how: string;
}

export const str = (
  valid: fc.Arbitrary<string>,
  accepts: (value: string) => boolean,
  invalid?: fc.Arbitrary<string>,
): Shape => ({ type: 'string', valid, accepts, invalid });

export const object = (
  fields: Record<string, Shape | Field>,
  options: Partial<
    Pick<
      Extract<Shape, { type: 'object' }>,
      'refine' | 'breaksRefinement' | 'generate'
    >
  > & {
    strict?: boolean;
  } = {},
): Shape => ({
  type: 'object',
  strict: options.strict ?? true,
  refine: options.refine,
  breaksRefinement: options.breaksRefinement,
  generate: options.generate,
  fields: Object.fromEntries(
    Object.entries(fields).map(([k, f]) => [
      k,
      'shape' in f ? f : { shape: f },
    ]),
  ),
});

export const optional = (shape: Shape): Field => ({ shape, optional: true });

/** Valid values only; short arrays keep requests small. */
export function validValue(shape: Shape): fc.Arbitrary<unknown> {
  switch (shape.type) {
    case 'string':
    case 'number':
      return shape.valid;
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...shape.values);
    case 'record': {
      // anything goes inside, prototype keys too, as long as it is shallow
      const shallow = fc.jsonValue({ maxDepth: 3 });
      return fc.oneof(
        fc.dictionary(fc.string({ maxLength: 10 }), shallow, { maxKeys: 3 }),
        fc
          .tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'x'), shallow)
          .map(([key, value]) => withOwnKey({}, key, value)),
      );
    }
    case 'union':
      return fc.oneof(...shape.options.map(validValue));
    case 'array': {
      const constraints = {
        minLength: shape.min,
        maxLength: Math.min(shape.max, shape.min + 2),
      };
      const item = validValue(shape.item);
      return shape.uniqueBy
        ? fc.uniqueArray(item, { ...constraints, selector: shape.uniqueBy })
        : fc.array(item, constraints);
    }
    case 'object': {
      if (shape.generate) return shape.generate;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      const required: string[] = [];
      for (const [key, field] of Object.entries(shape.fields)) {
        model[key] = validValue(field.shape);
        if (!field.optional) required.push(key);
      }
      const value = fc.record(model, { requiredKeys: required });
      const { refine } = shape;
      return refine ? value.filter(v => refine(v)) : value;
    }
    default:
      return assertNever(shape);
  }
}

/** JSON values of another type than the shape's: every one is refused. */
function wrongType(shape: Shape): fc.Arbitrary<unknown> {
  const strings = fc.oneof(fc.string({ maxLength: 10 }), fc.constant('true'));
  const nonObjects = fc.oneof(
    strings,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  );
  switch (shape.type) {
    case 'string':
      return notAString;
    case 'enum':
      return shape.values.every(v => typeof v === 'string')
        ? notAString
        : fc.oneof(strings, fc.boolean(), fc.constant(null), fc.constant([]));
    case 'number':
    case 'boolean':
      return fc.oneof(
        strings,
        fc.constant(null),
        fc.constant({}),
        fc.constant([]),
        shape.type === 'number' ? fc.boolean() : fc.integer(),
      );
    case 'object':
    case 'record':
    case 'union':
      return nonObjects;
    case 'array':
      return fc.oneof(
        strings,
        fc.integer(),
        fc.constant(null),
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), {
          maxKeys: 2,
        }),
      );
    default:
      return assertNever(shape);
  }
}

/** Values of the shape's own type that it still refuses. */
function badOwnType(shape: Shape): fc.Arbitrary<unknown> | undefined {
  switch (shape.type) {
    case 'string': {
      const { accepts } = shape;
      const options: fc.Arbitrary<string>[] = [];
      if (shape.invalid) options.push(shape.invalid.filter(s => !accepts(s)));
      // only where the field has a limit: else a huge string is valid
      if (!accepts('a'.repeat(100_000))) {
        options.push(hugeString.filter(s => !accepts(s)));
      }
      return options.length ? fc.oneof(...options) : undefined;
    }
    case 'number':
      return shape.invalid;
    case 'record': {
      const tooDeep = fc.oneof(
        fc.integer({ min: shape.maxDepth + 8, max: 40_000 }).map(deepArray),
        fc.integer({ min: shape.maxDepth + 8, max: 15_000 }).map(deepObject),
      );
      return fc
        .tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'x'), tooDeep)
        .map(([key, value]) => withOwnKey({}, key, value));
    }
    case 'enum': {
      const { values } = shape;
      return fc
        .oneof(
          fc.constantFrom(
            ...values.map(v =>
              typeof v === 'string' ? v.toUpperCase() : v + 0.5,
            ),
          ),
          fc.constantFrom(...values.map(v => ` ${v}`)),
          fc.string({ maxLength: 8 }),
          fc.integer({ min: -3, max: 5 }),
        )
        .filter(v => !values.includes(v));
    }
    default:
      return undefined;
  }
}

/** One place of `shape` broken, the rest valid. */
export function brokenValue(shape: Shape, at = 'body'): fc.Arbitrary<Broken> {
  const options: fc.Arbitrary<Broken>[] = [
    wrongType(shape).map(value => ({ value, how: `${at}: wrong type` })),
  ];
  const own = badOwnType(shape);
  if (own) options.push(own.map(value => ({ value, how: `${at}: bad value` })));

  if (shape.type === 'union') {
    for (const option of shape.options) options.push(brokenValue(option, at));
  }
  if (shape.type === 'array') {
    options.push(...brokenArray(shape, at));
  }
  if (shape.type === 'object') {
    options.push(...brokenObject(shape, at));
  }
  return fc.oneof(...options);
}

function brokenArray(
  shape: Extract<Shape, { type: 'array' }>,
  at: string,
): fc.Arbitrary<Broken>[] {
  const item = validValue(shape.item);
  const options: fc.Arbitrary<Broken>[] = [
    // one broken item among valid ones, the length within bounds
    fc
      .tuple(
        fc.array(item, {
          minLength: Math.max(shape.min - 1, 0),
          maxLength: Math.max(Math.min(shape.max - 1, shape.min + 1), 0),
        }),
        brokenValue(shape.item, `${at}[]`),
        fc.nat(),
      )
      .map(([items, broken, i]) => {
        const value = [...items];
        value.splice(i % (items.length + 1), 0, broken.value);
        return { value, how: broken.how };
      }),
  ];
  if (shape.min > 0) {
    options.push(
      fc
        .array(item, { maxLength: shape.min - 1 })
        .map(value => ({ value, how: `${at}: too few items` })),
    );
  }
  if (shape.max <= 100) {
    options.push(
      fc
        .array(item, { minLength: shape.max + 1, maxLength: shape.max + 3 })
        .map(value => ({ value, how: `${at}: too many items` })),
    );
  }
  if (shape.breaksRefinement) {
    options.push(
      shape.breaksRefinement.map(value => ({
        value,
        how: `${at}: refinement`,
      })),
    );
  }
  return options;
}

function brokenObject(
  shape: Extract<Shape, { type: 'object' }>,
  at: string,
): fc.Arbitrary<Broken>[] {
  const valid = validValue(shape) as fc.Arbitrary<Record<string, unknown>>;
  const keys = Object.keys(shape.fields);
  const required = keys.filter(k => !shape.fields[k].optional);
  const options: fc.Arbitrary<Broken>[] = [
    // one field broken, every other one valid
    fc.constantFrom(...keys).chain(key =>
      fc
        .tuple(valid, brokenValue(shape.fields[key].shape, `${at}.${key}`))
        .map(([value, broken]) => ({
          value: withOwnKey(value, key, broken.value),
          how: broken.how,
        })),
    ),
  ];
  if (required.length) {
    options.push(
      fc.tuple(valid, fc.constantFrom(...required)).map(([value, key]) => {
        const { [key]: _removed, ...rest } = value;
        return { value: rest, how: `${at}.${key}: missing` };
      }),
    );
  }
  if (shape.strict) {
    options.push(
      fc
        .tuple(valid, unknownKey(keys), anyExtra)
        .map(([value, key, extra]) => ({
          value: withOwnKey(value, key, extra),
          how: `${at}: unknown key ${JSON.stringify(key)}`,
        })),
    );
  }
  if (shape.breaksRefinement) {
    options.push(
      shape.breaksRefinement.map(value => ({
        value,
        how: `${at}: refinement`,
      })),
    );
  }
  return options;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected shape ${JSON.stringify(value)}`);
}
