import { EventEmitter } from 'node:events';
import { Response } from 'express';
import { sendEventStream } from './eventStream';

/** A response whose socket is full until the test drains it. */
class SlowResponse extends EventEmitter {
  chunks: string[] = [];
  writableEnded = false;
  writableFinished = false;
  destroyed = false;
  full = true;
  status() {
    return this;
  }
  set() {
    return this;
  }
  flushHeaders() {}
  write(chunk: string) {
    this.chunks.push(chunk);
    return !this.full;
  }
  end() {
    this.writableEnded = true;
    this.writableFinished = true;
  }
}

const tick = () => new Promise(resolve => setImmediate(resolve));

describe('sendEventStream', () => {
  it('pulls the next item only after the client took the previous one', async () => {
    const res = new SlowResponse();
    const pulled: number[] = [];
    async function* produce() {
      for (const n of [1, 2, 3]) {
        pulled.push(n);
        yield { n };
      }
    }
    const done = sendEventStream(res as unknown as Response, produce, {
      event: 'line',
      timeoutMs: 10_000,
    });
    await tick();
    expect(pulled).toEqual([1]);
    res.full = false;
    res.emit('drain');
    expect(await done).toBe('complete');
    expect(pulled).toEqual([1, 2, 3]);
    expect(res.chunks.filter(c => c.startsWith('event: line'))).toHaveLength(3);
    expect(res.chunks.at(-1)).toBe(
      'event: end\ndata: {"reason":"complete"}\n\n',
    );
  });

  it('stops reading when the client goes away', async () => {
    const res = new SlowResponse();
    res.full = false;
    let signal: AbortSignal | undefined;
    async function* produce(s: AbortSignal) {
      signal = s;
      yield { n: 1 };
      await new Promise(() => {}); // a source that never ends by itself
    }
    const done = sendEventStream(res as unknown as Response, produce, {
      event: 'line',
      timeoutMs: 10_000,
    });
    await tick();
    res.emit('close');
    expect(await done).toBe('closed');
    expect(signal?.aborted).toBe(true);
    expect(res.writableEnded).toBe(false);
  });

  it('reports a failing source to the client', async () => {
    const res = new SlowResponse();
    res.full = false;
    // eslint-disable-next-line require-yield
    async function* produce(): AsyncIterable<never> {
      throw new Error('pods are gone');
    }
    expect(
      await sendEventStream(res as unknown as Response, produce, {
        event: 'line',
        timeoutMs: 10_000,
      }),
    ).toBe('error');
    expect(res.chunks).toEqual([
      'event: error\ndata: {"message":"pods are gone"}\n\n',
      'event: end\ndata: {"reason":"error"}\n\n',
    ]);
  });
});
