import { kubernetesNameProblem } from '@choreo-for-backstage/plugin-choreo-common';
import fc from 'fast-check';
import { kubernetesName } from '../../shared/requestContext';

/**
 * Hostile values shared by the fuzz tests: strings that look almost right,
 * keys that attack object prototypes, nesting deep enough to hurt a
 * recursive walker. Each generator says in its name whether its values are
 * valid for the rule it is about, so a case can count on it.
 */

/** The rules the routes' names follow (see requestContext and creationRoutes). */
export const isKubernetesName = (s: string) =>
  kubernetesName.safeParse(s).success;
export const isChoreoName = (s: string) =>
  kubernetesNameProblem(s, 'label', '') === undefined;

/** Keys that reach Object.prototype when code copies input into plain objects. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '__defineGetter__',
  'valueOf',
] as const;

const lowerAlnum = fc.constantFrom(
  ...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''),
);

/** A name valid under both rules (RFC 1123 label): lower-case, digits, inner '-'. */
export const labelName = fc
  .tuple(
    fc.string({ unit: lowerAlnum, minLength: 1, maxLength: 1 }),
    fc.string({
      unit: fc.oneof(lowerAlnum, fc.constant('-')),
      maxLength: 20,
    }),
    fc.string({ unit: lowerAlnum, minLength: 1, maxLength: 1 }),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);

/** Very long strings: near and beyond the 100 kB the JSON parser accepts. */
export const hugeString = fc
  .tuple(
    fc.integer({ min: 90_000, max: 110_000 }),
    fc.constantFrom('a', 'é', '-', '\u{1F600}', 'A'),
  )
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

/**
 * Strings no name rule accepts: upper case, unicode, path tricks, separators,
 * control characters, too long for a label or a subdomain. Filtered through
 * the real rule, so none slips through by chance. Short enough for a URL
 * (Node refuses request lines over 16 kB before any route sees them).
 */
export const invalidName = fc
  .oneof(
    fc.constantFrom(
      '',
      '.',
      '..',
      '../..',
      '/',
      'ACME',
      'Checkout-API',
      'acme/',
      '-acme',
      'acme-',
      'acme_corp',
      'acme corp',
      'acme\u0000',
      'acme\n',
      'ａｃｍｅ',
      'acme\u200b',
      'café',
      '%2F',
      '${jndi:ldap://x}',
      "acme';--",
      '<script>',
      'NaN',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    labelName.map(s => s.toUpperCase()),
    fc.integer({ min: 254, max: 400 }).map(n => 'a'.repeat(n)),
  )
  .filter(s => !isKubernetesName(s) && !isChoreoName(s));

/** Valid as a Kubernetes name (so the path parses) but too long or dotted for a label. */
export const subdomainButNotLabel = fc
  .oneof(
    fc.integer({ min: 64, max: 253 }).map(n => 'a'.repeat(n)),
    fc.tuple(labelName, labelName).map(([a, b]) => `${a}.${b}`),
  )
  .filter(s => isKubernetesName(s) && !isChoreoName(s));

/**
 * `[[[…]]]` or `{"a":{"a":…}}` nested `depth` times. JSON.stringify gives up
 * a few thousand levels deep (JSON.parse does not), so the value stands in
 * for its text until `jsonText` writes it out.
 */
export class Deep {
  constructor(readonly kind: 'array' | 'object', readonly depth: number) {}

  toJSON() {
    return `\u0000deep:${this.kind}:${this.depth}\u0000`;
  }

  text() {
    return this.kind === 'array'
      ? `${'['.repeat(this.depth)}${']'.repeat(this.depth)}`
      : `${'{"a":'.repeat(this.depth)}{}${'}'.repeat(this.depth)}`;
  }

  [fc.toStringMethod]() {
    return `Deep(${this.kind}, ${this.depth})`;
  }
}

export const deepArray = (depth: number) => new Deep('array', depth);
export const deepObject = (depth: number) => new Deep('object', depth);

/** Nesting from harmless to far beyond what recursive code survives. */
export const deepValue = fc.oneof(
  fc.integer({ min: 1, max: 40_000 }).map(deepArray),
  fc.integer({ min: 1, max: 15_000 }).map(deepObject),
);

/** The JSON text of a value that may hold Deep stand-ins. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value).replace(
    /"\\u0000deep:(array|object):(\d+)\\u0000"/g,
    (_, kind: 'array' | 'object', depth: string) =>
      new Deep(kind, Number(depth)).text(),
  );
}

/** Any JSON value except a string: what a string field must refuse. */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  deepValue,
);

/**
 * `value` with an own enumerable property `key`: for `__proto__`, plain
 * assignment would set the prototype instead, and JSON.stringify would drop it.
 */
export function withOwnKey(
  value: Record<string, unknown>,
  key: string,
  extra: unknown,
): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(copy, key, {
    value: extra,
    enumerable: true,
    configurable: true,
    writable: true,
  });
  return copy;
}

/** Keys a strict object must refuse: prototype attacks, look-alikes, noise. */
export const unknownKey = (known: readonly string[]) =>
  fc
    .oneof(
      fc.constantFrom(...PROTOTYPE_KEYS),
      fc.constantFrom('Name', 'name ', 'NAME', 'nameX', '', ' '),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    )
    .filter(k => !known.includes(k));

/** A value to put under an unknown key: small JSON, or a deep or polluting object. */
export const anyExtra: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
  deepValue,
);
