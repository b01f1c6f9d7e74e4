import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

/** A server the tests started; `stop` ends it and waits until it is gone. */
export interface ServerProcess {
  stop(): Promise<void>;
  /** What it printed, for failure messages. */
  output(): string;
}

function accepts(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts `command` in the foreground and waits until it accepts connections on `port`. */
export async function startServer(
  command: string,
  args: string[],
  port: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  child.stdout?.on('data', chunk => (output += chunk));
  child.stderr?.on('data', chunk => (output += chunk));
  let exited = false;
  const exit = new Promise<void>(resolve =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await exit;
    }
  };
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`${command} did not start on port ${port}:\n${output}`);
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  return { stop, output: () => output };
}
