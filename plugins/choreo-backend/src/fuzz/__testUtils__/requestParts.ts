import { mockCredentials } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { brokenValue, validValue } from './bodyShapes';
import { FUZZ_USER, FuzzRequest } from './fuzzRequest';
import { invalidName, labelName, subdomainButNotLabel } from './hostileInputs';
import {
  KB_100,
  ParamsKind,
  RouteSpec,
  missingName,
} from './mutatingRouteSpecs';
import { SampleFacts } from './sampleFacts';
import { violation } from './shapeViolation';

/**
 * Generators of each part of a fuzz request: callers, Idempotency-Keys,
 * path segments, query strings and bodies, each as valid, wrong, or
 * hostile in a way the JSON parser or Express refuses.
 */

/**
 * Mostly the usual part, sometimes a hostile one: a request with many
 * defects is refused at the first, so the later checks need requests with few.
 */
export const often = <T>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 9 }, { arbitrary: rare, weight: 1 });

const user = {
  kind: 'user' as const,
  authorization: mockCredentials.user.header(FUZZ_USER),
};
const service = {
  kind: 'service' as const,
  authorization: mockCredentials.service.header(),
};
const unauthenticated = fc.oneof(
  fc.constant({
    kind: 'none' as const,
    authorization: mockCredentials.none.header(),
  }),
  fc
    .constantFrom(
      mockCredentials.user.invalidHeader(),
      mockCredentials.service.invalidHeader(),
    )
    .map(authorization => ({ kind: 'badToken' as const, authorization })),
  fc
    .stringMatching(/^[A-Za-z0-9._~+-]{1,300}$/)
    .filter(t => !t.startsWith('mock-'))
    .map(t => ({ kind: 'badToken' as const, authorization: `Bearer ${t}` })),
);
export const refusedCallers = (route: RouteSpec) =>
  route.write
    ? fc.oneof(unauthenticated, fc.constant(service))
    : unauthenticated;
export const anyCaller = often<FuzzRequest['caller']>(
  fc.constant(user),
  fc.oneof(unauthenticated, fc.constant(service)),
);

const KEY_CHARS = /^[A-Za-z0-9._:-]{1,128}$/;
const validKey = fc.stringMatching(KEY_CHARS);
export const invalidKey = fc.oneof(
  fc.integer({ min: 129, max: 4000 }).map(n => 'k'.repeat(n)),
  fc
    .tuple(
      validKey,
      fc.constantFrom(' ', '\t', '/', '"', ',', ';', '=', '{', 'é', '%'),
      validKey,
    )
    .map(([a, bad, b]) => `${a}${bad}${b}`),
);
export const anyKey = often<FuzzRequest['key']>(
  fc.oneof(
    fc.constant({ kind: 'none' as const }),
    validKey.map(value => ({ kind: 'valid' as const, value })),
  ),
  invalidKey.map(value => ({ kind: 'invalid' as const, value })),
);

const canEncode = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false; // a lone surrogate
  }
};
/** Segments the route decodes to something no name rule accepts. */
const invalidSegment = fc.oneof(
  invalidName.filter(s => s !== '' && canEncode(s)).map(encodeURIComponent),
  fc.constantFrom(
    '%2F',
    '%2f',
    '..%2F..',
    '%2e%2e',
    '%2E',
    '%00',
    'a%2Fb',
    '%5C',
    '%252F',
    '%20',
    'acme%0A',
  ),
);
const malformedSegment = fc.constantFrom(
  '%',
  '%E0%A4%A',
  '%zz',
  '%C0%AF',
  '%ED%A0%80',
  'acme%',
);

export function existingPath(params: ParamsKind, facts: SampleFacts) {
  const namespace = fc.constantFrom(...facts.namespaces);
  switch (params) {
    case 'namespace':
      return namespace.map(ns => [ns]);
    case 'changeRequest':
      return fc.uuid().map(id => [id]);
    default:
      return fc.tuple(
        namespace,
        fc.constantFrom(
          ...(params === 'component'
            ? Object.keys(facts.components)
            : facts.projects),
        ),
      );
  }
}

/** A path that does not reach a resource: missing, invalid, undecodable or empty. */
export function brokenPath(
  params: ParamsKind,
  facts: SampleFacts,
): fc.Arbitrary<string[]> {
  const existing =
    params === 'component' ? Object.keys(facts.components) : facts.projects;
  const brokenOne = fc.oneof(invalidSegment, malformedSegment, fc.constant(''));
  switch (params) {
    case 'namespace':
      return fc
        .oneof(
          missingName(facts.namespaces),
          fc.constantFrom(...facts.projects),
          subdomainButNotLabel.map(encodeURIComponent),
          brokenOne,
        )
        .map(ns => [ns]);
    case 'changeRequest':
      return fc
        .oneof(
          fc.uuid(),
          fc.uuid().map(u => u.toUpperCase()),
          labelName,
          brokenOne,
        )
        .map(id => [id]);
    default: {
      const name = fc.oneof(fc.constantFrom(...existing), labelName);
      return fc.oneof(
        // real names in the wrong namespace
        fc.tuple(
          fc.oneof(missingName(facts.namespaces), subdomainButNotLabel),
          name,
        ),
        fc.tuple(
          fc.constantFrom(...facts.namespaces),
          missingName([...existing]),
        ),
        fc.tuple(brokenOne, name),
        fc.tuple(fc.constantFrom(...facts.namespaces), brokenOne),
      );
    }
  }
}

const validQuery = fc.constantFrom(
  '',
  '?dryRun=true',
  '?dryRun=false',
  '?dryRun=false&extra=1',
  '?x=%E0%A4%A',
  '?__proto__[dryRun]=true',
  '?constructor=1',
);
export const invalidQuery = fc.oneof(
  fc
    .oneof(
      fc.constantFrom(
        'TRUE',
        'True',
        '1',
        '0',
        'yes',
        '',
        ' true',
        'true ',
        'null',
      ),
      fc.string({ maxLength: 10 }),
    )
    .filter(v => v !== 'true' && v !== 'false')
    .map(v => `?dryRun=${encodeURIComponent(v)}`),
  fc.constantFrom(
    '?dryRun',
    '?dryRun=true&dryRun=false',
    '?dryRun=true&dryRun=true',
    '?dryRun[]=true',
    '?dryRun[a]=true',
    '?dryRun[0]=true',
  ),
);
export const anyQuery = (route: RouteSpec) =>
  route.dryRun
    ? often(
        validQuery.map(text => ({ text, valid: true })),
        invalidQuery.map(text => ({ text, valid: false })),
      )
    : fc.oneof(validQuery, invalidQuery).map(text => ({ text, valid: true }));

const json = (value: unknown): FuzzRequest['body'] => ({ kind: 'json', value });
/** What the JSON parser leaves alone: the route sees `{}`. */
const emptyBodies = fc.oneof(
  fc.constant<FuzzRequest['body']>({ kind: 'none' }),
  fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/merge-patch+json',
    )
    .map(contentType => ({
      kind: 'raw' as const,
      text: 'environment=development',
      contentType,
      parsesTo: {},
    })),
  fc.constant<FuzzRequest['body']>({
    kind: 'raw',
    text: '',
    contentType: 'application/json',
    parsesTo: {},
  }),
);

function validBody(route: RouteSpec): fc.Arbitrary<FuzzRequest['body']> {
  const valid = validValue(route.body).map(json);
  return violation(route.body, {}) ? valid : fc.oneof(valid, emptyBodies);
}

export function invalidBody(
  route: RouteSpec,
): fc.Arbitrary<FuzzRequest['body']> {
  const options = [
    brokenValue(route.body).map(b => json(b.value)),
    fc
      .jsonValue()
      .filter(
        v =>
          typeof v === 'object' &&
          v !== null &&
          violation(route.body, v) !== undefined,
      )
      .map(json),
  ];
  if (violation(route.body, {})) options.push(emptyBodies);
  return fc.oneof(...options);
}

/** Bodies the JSON parser refuses before any route runs. */
export function malformedBody(
  route: RouteSpec,
): fc.Arbitrary<FuzzRequest['body']> {
  const raw = (
    text: string,
    contentType = 'application/json',
    contentEncoding?: string,
  ) => ({
    kind: 'raw' as const,
    text,
    contentType,
    ...(contentEncoding ? { contentEncoding } : {}),
  });
  const options: fc.Arbitrary<FuzzRequest['body']>[] = [
    fc
      .constantFrom(
        '{',
        '{"a":',
        '[1,',
        'nul',
        "{'a':1}",
        '{"a":1}}',
        '{"a":1,}',
        '\u0000',
        '{"a":"\\x"}',
      )
      .map(text => raw(text)),
    fc
      .oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null))
      .map(json),
    fc
      .constantFrom('latin1', 'koi8-r')
      .map(charset => raw('{}', `application/json; charset=${charset}`)),
    fc
      .constantFrom('gzip', 'deflate', 'br2')
      .map(encoding => raw('{}', 'application/json', encoding)),
  ];
  if (route.jsonLimit === KB_100) {
    options.push(
      fc
        .tuple(
          validValue(route.body),
          fc.integer({ min: KB_100 + 1, max: KB_100 + 20_000 }),
        )
        .map(([value, size]) =>
          json({ ...(value as object), padding: 'p'.repeat(size) }),
        ),
    );
  }
  return fc.oneof(...options);
}

export function anyBody(route: RouteSpec, facts: SampleFacts) {
  const rare = [invalidBody(route), malformedBody(route)];
  if (route.semantic) rare.push(semanticBody(route, facts));
  return often(validBody(route), fc.oneof(...rare));
}

export function semanticBody(
  route: RouteSpec,
  facts: SampleFacts,
): fc.Arbitrary<FuzzRequest['body']> {
  if (!route.semantic) throw new Error(`${route.name} has no semantic defects`);
  return route
    .semantic(facts)
    .map(b => ({ kind: 'json' as const, value: b.value, semantic: b.how }));
}
