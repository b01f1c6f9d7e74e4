import { LoggerService } from '@backstage/backend-plugin-api';
import {
  FlowCellFilter,
  FlowRecord,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  FlowBuffer,
  FlowListener,
  FlowSource,
  FlowSourceProblem,
  FlowSourceState,
  FlowSourceStatus,
  pushProblem,
} from './FlowBuffer';

export interface BufferedFlowSourceOptions {
  type: FlowSourceStatus['type'];
  /** How many of the latest flows to keep. Default 10,000. */
  bufferSize?: number;
  /** The state worth a warning in the log when the source enters it. */
  warnOn: FlowSourceState;
  logger?: LoggerService;
}

/**
 * What every flow source shares: the buffer subscribers read from and the
 * health bookkeeping behind status(). Subclasses only get flows in
 * (file tailing, gRPC streaming) and report through these helpers.
 */
export abstract class BufferedFlowSource implements FlowSource {
  protected readonly logger?: LoggerService;
  private readonly type: FlowSourceStatus['type'];
  private readonly buffer: FlowBuffer;
  private readonly warnOn: FlowSourceState;
  private currentState: FlowSourceState = 'stopped';
  private since = new Date().toISOString();
  private message?: string;
  private received = 0;
  private invalidCount = 0;
  private readonly problems: FlowSourceProblem[] = [];

  protected constructor(options: BufferedFlowSourceOptions) {
    this.type = options.type;
    this.buffer = new FlowBuffer(options.bufferSize ?? 10_000);
    this.warnOn = options.warnOn;
    this.logger = options.logger;
  }

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;

  subscribe(listener: FlowListener, filter?: FlowCellFilter): () => void {
    return this.buffer.subscribe(listener, filter);
  }

  recent(filter?: FlowCellFilter, limit?: number): FlowRecord[] {
    return this.buffer.recent(filter, limit);
  }

  status(): FlowSourceStatus {
    return {
      type: this.type,
      state: this.currentState,
      since: this.since,
      ...(this.message ? { message: this.message } : {}),
      received: this.received,
      invalid: this.invalidCount,
      problems: [...this.problems],
    };
  }

  protected get state(): FlowSourceState {
    return this.currentState;
  }

  /** How many inputs could not be decoded so far. */
  protected get invalid(): number {
    return this.invalidCount;
  }

  /** `since` moves only on a real change; the message always follows the latest call. */
  protected setState(state: FlowSourceState, message?: string): void {
    if (state !== this.currentState) {
      this.currentState = state;
      this.since = new Date().toISOString();
      if (state === this.warnOn) this.logger?.warn(message ?? state);
    }
    this.message = message;
  }

  /** A decoded flow: counted and handed to subscribers. */
  protected accept(record: FlowRecord): void {
    this.received++;
    this.buffer.push(record);
  }

  /** Input that was not a flow: counted as invalid and kept as a problem. */
  protected reject(problem: Omit<FlowSourceProblem, 'time'>): void {
    this.invalidCount++;
    this.report(problem);
  }

  /** A problem that is not about one input (a failed stream). */
  protected report(problem: Omit<FlowSourceProblem, 'time'>): void {
    pushProblem(this.problems, problem);
  }
}
