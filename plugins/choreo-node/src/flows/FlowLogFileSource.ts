import fs from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { LoggerService } from '@backstage/backend-plugin-api';
import { decodeHubbleJsonFlow } from '@choreo-for-backstage/plugin-choreo-common';
import { LineSplitter } from '../text/LineSplitter';
import { BufferedFlowSource } from './BufferedFlowSource';

export interface FlowLogFileSourceOptions {
  /** A JSONL file: one Hubble flow per line (`hubble observe -o json`, Hubble flow export). */
  path: string;
  /** Keep reading what is appended (like `tail -f`). Default true. */
  follow?: boolean;
  /** How many of the latest flows to keep. Default 10,000. */
  bufferSize?: number;
  /** How often to look for appended data. Default 500 ms. */
  pollMs?: number;
  logger?: LoggerService;
}

const CHUNK = 64 * 1024;

/**
 * A Hubble flow is a few kilobytes of JSON; a longer line is cut (and then
 * fails to decode, which is counted), so a file without newlines cannot
 * grow the reader's memory without bound.
 */
const MAX_FLOW_LINE_LENGTH = 256 * 1024;

/**
 * Flows from a flow-log file: reads it from the start, then follows appends.
 * A truncated or replaced file is read again from the start. Bad lines are
 * counted and reported in status(), never fatal.
 */
export class FlowLogFileSource extends BufferedFlowSource {
  readonly path: string;
  private readonly follow: boolean;
  private readonly pollMs: number;
  private offset = 0;
  private lineNo = 0;
  private lines = new LineSplitter(MAX_FLOW_LINE_LENGTH);
  // keeps a UTF-8 character split across two reads whole
  private decoder = new StringDecoder('utf8');
  private inode?: number;
  private timer?: NodeJS.Timeout;
  private reading?: Promise<void>;
  private stopped = true;

  constructor(options: FlowLogFileSourceOptions) {
    super({
      type: 'file',
      bufferSize: options.bufferSize,
      warnOn: 'failing',
      logger: options.logger,
    });
    this.path = path.resolve(options.path);
    this.follow = options.follow ?? true;
    this.pollMs = options.pollMs ?? 500;
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.setState('starting');
    await this.poll();
    if (this.follow && !this.stopped) this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.reading;
    this.setState('stopped');
  }

  private schedule() {
    this.timer = setTimeout(async () => {
      await this.poll();
      if (!this.stopped) this.schedule();
    }, this.pollMs);
  }

  private poll(): Promise<void> {
    this.reading = this.readNew().catch(e => {
      this.setState('failing', `Cannot read flow log ${this.path}: ${e}`);
    });
    return this.reading;
  }

  private async readNew(): Promise<void> {
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.path, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      this.setState(
        'failing',
        code === 'ENOENT'
          ? `Flow log ${this.path} does not exist${
              this.follow ? '; waiting for it to appear' : ''
            }`
          : `Cannot open flow log ${this.path}: ${(e as Error).message}`,
      );
      return;
    }
    try {
      const stat = await handle.stat();
      if (stat.ino !== this.inode || stat.size < this.offset) {
        // first read, rotated or truncated: start over
        this.inode = stat.ino;
        this.offset = 0;
        this.lineNo = 0;
        this.lines = new LineSplitter(MAX_FLOW_LINE_LENGTH);
        this.decoder = new StringDecoder('utf8');
      }
      const chunk = Buffer.alloc(CHUNK);
      while (!this.stopped && this.offset < stat.size) {
        const { bytesRead } = await handle.read(chunk, 0, CHUNK, this.offset);
        if (bytesRead === 0) break;
        this.offset += bytesRead;
        this.consume(this.decoder.write(chunk.subarray(0, bytesRead)));
      }
      if (!this.follow) {
        // without follow, a last line lacking its newline is complete
        const last = this.lines.end();
        if (last?.trim()) this.line(last);
      }
      this.setState('streaming');
    } finally {
      await handle.close();
    }
  }

  private consume(text: string) {
    for (const line of this.lines.push(text)) this.line(line);
  }

  private line(raw: string) {
    this.lineNo++;
    const text = raw.trim();
    if (!text) return;
    const result = decodeHubbleJsonFlow(text);
    if (result.record) {
      this.accept(result.record);
      return;
    }
    if (result.ignorable) return;
    this.reject({ message: result.problem, line: this.lineNo });
    if (this.invalid <= 5) {
      this.logger?.warn(
        `Skipping line ${this.lineNo} of flow log ${this.path}: ${result.problem}`,
      );
    }
  }
}
