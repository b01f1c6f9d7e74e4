import { z } from 'zod';
import { violation } from './shapeViolation';
import { isChoreoName, jsonText } from './hostileInputs';
import { KB_100, ParamsKind, RouteSpec } from './mutatingRouteSpecs';
import { SampleFacts } from './sampleFacts';

/**
 * One generated request to a mutating route, and what the backend must
 * answer to it. Every request carries at least one defect (a caller who may
 * not write, a bad header, path, query or body, or a name that does not
 * exist): `analyse` finds them independently of how the request was made,
 * so a generator that slipped into making a valid request is caught.
 */
export interface FuzzRequest {
  route: RouteSpec;
  caller: {
    kind: 'user' | 'service' | 'none' | 'badToken';
    authorization: string;
  };
  key: { kind: 'none' } | { kind: 'valid' | 'invalid'; value: string };
  /** Wire-encoded path segments. */
  segments: string[];
  query: { text: string; valid: boolean };
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown; semantic?: string }
    /** Sent as it is; `parsesTo` is what the route sees when the JSON parser leaves it alone. */
    | {
        kind: 'raw';
        text: string;
        contentType: string;
        contentEncoding?: string;
        parsesTo?: unknown;
      };
}

export const FUZZ_USER = 'user:default/alice';

type PathState = 'exists' | 'missing' | 'invalid' | 'malformed' | 'unrouted';

/** Decoded as Express decodes route parameters; undefined when it cannot. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const isRequestId = (s: string) => z.string().uuid().safeParse(s).success;

/** Where the path stands, judged from what the route will see. */
export function pathState(
  params: ParamsKind,
  segments: string[],
  facts: SampleFacts,
): PathState {
  if (segments.some(s => s === '')) return 'unrouted';
  const decoded = segments.map(decodeSegment);
  if (decoded.some(d => d === undefined)) return 'malformed';
  const [first, second] = decoded as string[];
  switch (params) {
    case 'changeRequest':
      // the change_requests table stays empty: no id exists
      return isRequestId(first) ? 'missing' : 'invalid';
    case 'namespace':
      if (!isChoreoName(first)) return 'invalid';
      return facts.namespaces.includes(first) ? 'exists' : 'missing';
    default: {
      // componentParams: both are RFC 1123 labels
      if (!isChoreoName(first) || !isChoreoName(second)) {
        return 'invalid';
      }
      const names =
        params === 'component' ? Object.keys(facts.components) : facts.projects;
      return facts.namespaces.includes(first) && names.includes(second)
        ? 'exists'
        : 'missing';
    }
  }
}

/** What the JSON parser does with the body: refuses it, or hands the route a value. */
function parsedBody(
  body: FuzzRequest['body'],
  limit: number,
): { malformed: true } | { malformed: false; value: unknown } {
  switch (body.kind) {
    case 'none':
      return { malformed: false, value: {} };
    case 'raw':
      return 'parsesTo' in body && body.parsesTo !== undefined
        ? { malformed: false, value: body.parsesTo }
        : { malformed: true };
    case 'json': {
      const text = jsonText(body.value);
      // express.json is strict: only an object or array at the top
      if (!/^\s*[[{]/.test(text) || Buffer.byteLength(text) > limit) {
        return { malformed: true };
      }
      return { malformed: false, value: body.value };
    }
    default:
      throw new Error('unknown body');
  }
}

export interface Analysis {
  /** What makes the request invalid; never empty. */
  defects: string[];
  /** The statuses the contract allows. */
  expected: number[];
  /** False only where no route matched: Backstage's own 404 has no body. */
  jsonAnswer: boolean;
  /** Where the backend refuses it. */
  stage: string;
}

/**
 * The defects of a request and the answer they call for, in the order the
 * backend checks: authentication, the JSON parser, routing and parameter
 * decoding, the caller's kind and the Idempotency-Key, then path, query and
 * body, then the store.
 */
export function analyse(r: FuzzRequest, facts: SampleFacts): Analysis {
  const path = pathState(r.route.params, r.segments, facts);
  const matched = path !== 'unrouted';
  // without a match only the router-wide parser (100 kB) reads the body
  const body = parsedBody(r.body, matched ? r.route.jsonLimit : KB_100);
  const bodyProblem = body.malformed
    ? 'body: not parseable JSON'
    : violation(r.route.body, body.value);
  const semantic =
    !body.malformed && !bodyProblem && r.body.kind === 'json'
      ? r.body.semantic
      : undefined;
  const refusedCaller =
    r.caller.kind === 'none' ||
    r.caller.kind === 'badToken' ||
    (r.caller.kind === 'service' && r.route.write);

  const defects = [
    ...(refusedCaller ? [`caller: ${r.caller.kind}`] : []),
    ...(r.key.kind === 'invalid' ? ['Idempotency-Key: invalid'] : []),
    ...(path !== 'exists' ? [`path: ${path}`] : []),
    ...(r.query.valid ? [] : ['query: invalid']),
    ...(bodyProblem ? [bodyProblem] : []),
    ...(semantic ? [`body: ${semantic}`] : []),
  ];

  const answer = (stage: string, expected: number[], jsonAnswer = true) => ({
    defects,
    expected,
    jsonAnswer,
    stage,
  });
  // a valid key reaches the idempotency table: reused with another request it is 409
  const atTheStore = (stage: string, statuses: number[]) =>
    answer(
      stage,
      r.key.kind === 'valid' ? [...new Set([...statuses, 409])] : statuses,
    );

  // Backstage's credentials barrier runs before the plugin's router
  if (r.caller.kind === 'none' || r.caller.kind === 'badToken') {
    return answer('credentials', [401]);
  }
  if (body.malformed) return answer('JSON parser', [400]);
  if (!matched) return answer('no route', [404], false);
  if (path === 'malformed') return answer('path decoding', [400]);
  if (r.caller.kind === 'service' && r.route.write) {
    return answer('writes take people', [403]);
  }
  if (r.key.kind === 'invalid') return answer('Idempotency-Key', [400]);
  if (path === 'invalid' || !r.query.valid) {
    return answer('path or query', [400]);
  }
  if (path === 'missing' && r.route.resourceBeforeBody) {
    return answer('resource', [404]);
  }
  if (bodyProblem) return answer('body', [400]);
  if (path === 'missing') return atTheStore('resource', [404]);
  return atTheStore('names in the body', [400, 404, 409]);
}

function describeBody(body: FuzzRequest['body'], cut: (s: string) => string) {
  switch (body.kind) {
    case 'none':
      return 'no body';
    case 'json':
      return `json ${cut(jsonText(body.value))}`;
    default:
      return `${body.contentType}${
        body.contentEncoding ? ` (${body.contentEncoding})` : ''
      } ${cut(JSON.stringify(body.text))}`;
  }
}

/** A request as a failure report shows it: long values cut. */
export function describeRequest(r: FuzzRequest): string {
  const cut = (s: string) =>
    s.length > 300 ? `${s.slice(0, 300)}… (${s.length} characters)` : s;
  return [
    `POST /api/choreo${cut(r.route.path(r.segments))}${cut(r.query.text)}`,
    `  caller ${r.caller.kind} (${cut(r.caller.authorization)})`,
    `  Idempotency-Key ${
      r.key.kind === 'none' ? '-' : cut(JSON.stringify(r.key.value))
    }`,
    `  ${describeBody(r.body, cut)}`,
  ].join('\n');
}
