import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially up to the cap and keeps at least half of each step', () => {
    const low = () => 0;
    const high = () => 1;
    expect([0, 1, 2, 3].map(a => backoffDelay(a, {}, low))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect(backoffDelay(3, {}, high)).toBe(4000);
    expect(backoffDelay(50, { maxMs: 30_000 }, high)).toBe(30_000);
    expect(backoffDelay(50, { maxMs: 30_000 }, low)).toBe(15_000);
  });
});
