import { LineSplitter, truncationMarker } from './LineSplitter';

describe('LineSplitter', () => {
  it('splits chunks into lines, across chunk boundaries', () => {
    const lines = new LineSplitter(100);
    expect(lines.push('one\r\ntw')).toEqual(['one']);
    expect(lines.push('o\nthree\n')).toEqual(['two', 'three']);
    expect(lines.push('four')).toEqual([]);
    expect(lines.end()).toBe('four');
  });

  it('cuts a long line at the limit with a marker and skips the rest of it', () => {
    const lines = new LineSplitter(5);
    expect(lines.push('abcdefgh')).toEqual([`abcde${truncationMarker(5)}`]);
    expect(lines.push('ijklmn')).toEqual([]);
    expect(lines.push('op\nnext\n')).toEqual(['next']);
    expect(lines.end()).toBeUndefined();
  });

  it('holds no more than the limit of a line that never ends', () => {
    const lines = new LineSplitter(10);
    const out: string[] = [];
    for (let i = 0; i < 10_000; i++) out.push(...lines.push('x'.repeat(1000)));
    expect(out).toEqual([`${'x'.repeat(10)}${truncationMarker(10)}`]);
    expect(lines.end()).toBeUndefined();
  });
});
