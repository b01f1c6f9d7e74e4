import { ServiceUnavailableError } from '@backstage/errors';
import { ElkCellGraph } from '@choreo-for-backstage/plugin-choreo-common';
import { Worker } from 'node:worker_threads';

/**
 * elk in a worker thread: a 300-component cell takes elk half a second or
 * more, which on the request thread would stall every other request of the
 * backend. One worker, one layout at a time (these machines have few cores);
 * a layout running longer than `timeoutMs` ends the worker, and the next
 * layout starts a new one.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require(workerData.elkPath);
const elk = new ELK();
parentPort.on('message', ({ id, graph }) => {
  elk.layout(graph).then(
    result => parentPort.postMessage({ id, result }),
    error => parentPort.postMessage({ id, error: String((error && error.message) || error) }),
  );
});
`;

type Pending = {
  resolve: (graph: ElkCellGraph) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
};

export class ElkWorker {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(private readonly options: { timeoutMs: number }) {}

  /** Layouts waiting or running. */
  get busy(): number {
    return this.pending.size;
  }

  layout(graph: ElkCellGraph): Promise<ElkCellGraph> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<ElkCellGraph>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(
          new ServiceUnavailableError(
            `Laying out the cell took longer than ${this.options.timeoutMs} ms and was stopped`,
          ),
        );
      }, this.options.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, graph });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.fail(new ServiceUnavailableError('The backend is shutting down'));
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { elkPath: require.resolve('elkjs/lib/elk.bundled.js') },
    });
    // an idle worker must not keep the backend (or a test run) alive
    worker.unref();
    worker.on(
      'message',
      (m: { id: number; result?: ElkCellGraph; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.error !== undefined) {
          p.reject(new Error(`elk could not lay out the cell: ${m.error}`));
        } else {
          p.resolve(m.result!);
        }
      },
    );
    worker.on('error', (error: Error) =>
      this.fail(
        new ServiceUnavailableError(
          `The layout worker failed: ${error.message}`,
        ),
      ),
    );
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  /** Rejects everything pending and ends the worker; the next layout starts afresh. */
  private fail(error: Error) {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
