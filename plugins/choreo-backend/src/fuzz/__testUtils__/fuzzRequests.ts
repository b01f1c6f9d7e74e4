import fc from 'fast-check';
import { FuzzRequest, describeRequest } from './fuzzRequest';
import { MUTATING_ROUTES, RouteSpec } from './mutatingRouteSpecs';
import {
  anyBody,
  anyCaller,
  anyKey,
  anyQuery,
  brokenPath,
  existingPath,
  invalidBody,
  invalidKey,
  invalidQuery,
  malformedBody,
  often,
  refusedCallers,
  semanticBody,
} from './requestParts';
import { SampleFacts } from './sampleFacts';

/** The part of a request that is certainly wrong. */
type Primary = 'caller' | 'key' | 'path' | 'query' | 'body' | 'semantic';

type Parts = {
  [K in Exclude<keyof FuzzRequest, 'route'>]: fc.Arbitrary<FuzzRequest[K]>;
};

/** The parts of a request: the primary one certainly wrong, the others mostly right. */
function partsWith(
  primary: Primary,
  route: RouteSpec,
  facts: SampleFacts,
): Parts {
  const parts: Parts = {
    caller: anyCaller,
    key: anyKey,
    segments: often(
      existingPath(route.params, facts),
      brokenPath(route.params, facts),
    ),
    query: anyQuery(route),
    body: anyBody(route, facts),
  };
  switch (primary) {
    case 'caller':
      return { ...parts, caller: refusedCallers(route) };
    case 'key':
      return {
        ...parts,
        key: invalidKey.map(value => ({ kind: 'invalid' as const, value })),
      };
    case 'path':
      return { ...parts, segments: brokenPath(route.params, facts) };
    case 'query':
      return {
        ...parts,
        query: invalidQuery.map(text => ({ text, valid: false })),
      };
    case 'body':
      return {
        ...parts,
        body: fc.oneof(
          { arbitrary: invalidBody(route), weight: 3 },
          { arbitrary: malformedBody(route), weight: 1 },
        ),
      };
    default:
      // names that do not exist matter only where the path does
      return {
        ...parts,
        segments: existingPath(route.params, facts),
        body: semanticBody(route, facts),
      };
  }
}

/** Requests to every mutating route, each with at least one defect. */
export function fuzzRequests(facts: SampleFacts): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...MUTATING_ROUTES).chain(route => {
    // the body and the names in it have the most ways to be wrong
    const primaries: Primary[] = [
      'caller',
      'key',
      'path',
      'path',
      'body',
      'body',
      'body',
      ...(route.dryRun ? (['query'] as const) : []),
      ...(route.semantic ? (['semantic', 'semantic'] as const) : []),
    ];
    return fc.constantFrom(...primaries).chain(primary =>
      fc.record(partsWith(primary, route, facts)).map(parts => {
        const r: FuzzRequest = { route, ...parts };
        return Object.assign(r, {
          [fc.toStringMethod]: () => describeRequest(r),
        });
      }),
    );
  });
}
