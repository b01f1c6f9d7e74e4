import { Readable } from 'node:stream';
import { linesOf } from './podLogStream';

describe('linesOf', () => {
  it('splits chunks into lines, also across chunk and UTF-8 boundaries', async () => {
    const euro = Buffer.from('€');
    const chunks = [
      Buffer.from('one\ntw'),
      Buffer.concat([Buffer.from('o '), euro.subarray(0, 1)]),
      Buffer.concat([euro.subarray(1), Buffer.from('\r\nlast')]),
    ];
    const lines: string[] = [];
    for await (const line of linesOf(Readable.from(chunks))) lines.push(line);
    expect(lines).toEqual(['one', 'two €', 'last']);
  });

  it('reads from the stream only as fast as lines are taken', async () => {
    let produced = 0;
    const endless = Readable.from(
      (function* chunks() {
        for (;;) {
          produced++;
          yield Buffer.from(`line ${produced}\n`);
        }
      })(),
      { objectMode: false, highWaterMark: 16 },
    );
    const lines = linesOf(endless);
    for (let i = 1; i <= 3; i++) {
      expect((await lines.next()).value).toBe(`line ${i}`);
    }
    // a few chunks of read-ahead, not the endless rest
    expect(produced).toBeLessThan(10);
    await lines.return(undefined);
    expect(endless.destroyed).toBe(true);
  });
});
