import { SeededRandom } from '../../testUtils/seededRandom';

/** SeededRandom.weighted with the weight first, as these generators read best. */
export function byWeight<T>(
  random: SeededRandom,
  choices: ReadonlyArray<readonly [number, T]>,
): T {
  return random.weighted(choices.map(([weight, value]) => [value, weight]));
}
