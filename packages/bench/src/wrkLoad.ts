import { execFileSync, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One wrk run: closed-loop keep-alive connections cycling through `paths`. */
export interface WrkRun {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  threads: number;
  seconds: number;
  /** CPU list for `taskset -c`; undefined runs wrk unpinned. */
  cpus?: string;
}

export interface WrkResult {
  requests: number;
  /** Socket errors, timeouts and answers other than 2xx/3xx. */
  errors: number;
  p50Ms: number;
  p99Ms: number;
  rps: number;
}

const MARKER = 'WRK_RESULT ';

/**
 * wrk is a C program, so the load it generates costs the server's core
 * nothing; Debian ships it. Installs it when missing and apt-get can.
 */
export function ensureWrk(log: (message: string) => void): void {
  const has = () => {
    try {
      execFileSync('sh', ['-c', 'command -v wrk'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (has()) return;
  log('wrk is not installed; running `apt-get install -y wrk`');
  try {
    execFileSync('apt-get', ['install', '-y', 'wrk'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    throw new Error(
      'bench:api needs the HTTP load tool wrk: install it with `apt-get install -y wrk` (Debian/Ubuntu) and run again',
    );
  }
  if (!has()) throw new Error('wrk is still not on PATH after apt-get');
}

const luaString = (value: string) => JSON.stringify(value);

/**
 * Each wrk thread cycles through the paths; `done` prints wrk's own
 * latency percentiles (microseconds) as one JSON line we pick up.
 */
function script(run: WrkRun): string {
  const headers = Object.entries(run.headers)
    .map(([k, v]) => `wrk.headers[${luaString(k)}] = ${luaString(v)}`)
    .join('\n');
  return `${headers}
local paths = { ${run.paths.map(luaString).join(', ')} }
local i = 0
setup = function(thread)
  thread:set("offset", math.random(#paths))
end
request = function()
  i = i + 1
  return wrk.format("GET", paths[((i + (offset or 0)) % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '${MARKER}{"requests":%d,"durationUs":%d,"errors":%d,"p50Us":%d,"p99Us":%d}\\n',
    summary.requests, summary.duration,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

export async function runWrk(run: WrkRun): Promise<WrkResult> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'choreo-wrk-'));
  try {
    const file = path.join(dir, 'load.lua');
    await fs.writeFile(file, script(run));
    const wrkArgs = [
      `-t${run.threads}`,
      `-c${run.connections}`,
      `-d${run.seconds}s`,
      '--timeout',
      '5s',
      '-s',
      file,
      run.url,
    ];
    const [command, args] = run.cpus
      ? ['taskset', ['-c', run.cpus, 'wrk', ...wrkArgs]]
      : ['wrk', wrkArgs];
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(command, args, {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
      });
      child.once('error', reject);
      child.once('exit', code =>
        code === 0
          ? resolve(out)
          : reject(new Error(`wrk exited with ${code}: ${out}`)),
      );
    });
    const line = output.split('\n').find(l => l.startsWith(MARKER));
    if (!line) throw new Error(`wrk printed no result:\n${output}`);
    const raw = JSON.parse(line.slice(MARKER.length)) as {
      requests: number;
      durationUs: number;
      errors: number;
      p50Us: number;
      p99Us: number;
    };
    const ms = (us: number) => Math.round(us / 10) / 100;
    return {
      requests: raw.requests,
      errors: raw.errors,
      p50Ms: ms(raw.p50Us),
      p99Ms: ms(raw.p99Us),
      rps: Math.round(raw.requests / (raw.durationUs / 1e6)),
    };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
