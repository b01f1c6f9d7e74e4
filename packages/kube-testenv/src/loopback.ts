import http from 'node:http';
import net from 'node:net';

/**
 * Asks the kernel for `count` distinct free TCP ports on 127.0.0.1. All listeners stay open
 * until every port is known, so the kernel cannot hand out the same port twice.
 */
export async function freeLoopbackPorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      ports.push(
        await new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            if (typeof address === 'object' && address) {
              resolve(address.port);
            } else {
              reject(new Error('could not allocate a loopback port'));
            }
          });
        }),
      );
    }
    return ports;
  } finally {
    await Promise.all(
      servers.map(server => new Promise(resolve => server.close(resolve))),
    );
  }
}

/** One free TCP port on 127.0.0.1. */
export async function freeLoopbackPort(): Promise<number> {
  return (await freeLoopbackPorts(1))[0];
}

/** Plain-HTTP GET on loopback; resolves with the status and body, or undefined when nothing answers. */
export function httpGet(
  url: string,
): Promise<{ status: number; body: string } | undefined> {
  return new Promise(resolve => {
    const req = http.get(url, { timeout: 5_000 }, res => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}
