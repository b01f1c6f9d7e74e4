import {
  ClassifiedTraffic,
  ObservedTrafficClass,
  SuggestedDependency,
} from '../flows';

/** What the overlay says about one edge, in the words it shows. */
export interface EdgeTraffic {
  class: ObservedTrafficClass;
  flows: number;
  forwarded: number;
  dropped: number;
  /** Drop reasons by count, most frequent first, e.g. `[['POLICY_DENIED', 4]]`. */
  dropReasons: Array<[string, number]>;
  message?: string;
  suggestion?: SuggestedDependency;
}

export function trafficOf(t: ClassifiedTraffic): EdgeTraffic {
  const v = t.observed?.verdicts;
  return {
    class: t.class,
    flows: t.observed?.flows ?? 0,
    forwarded: v?.forwarded ?? 0,
    dropped: v?.dropped ?? 0,
    dropReasons: Object.entries(t.observed?.dropReasons ?? {}).sort(
      (a, b) => b[1] - a[1],
    ),
    ...(t.message ? { message: t.message } : {}),
    ...(t.suggestion ? { suggestion: t.suggestion } : {}),
  };
}

export const isDropped = (t?: EdgeTraffic) =>
  t?.class === 'declared-dropped' || t?.class === 'dropped-undeclared';
