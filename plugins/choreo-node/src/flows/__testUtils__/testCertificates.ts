import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestPki {
  ca: Buffer;
  serverCert: Buffer;
  serverKey: Buffer;
  clientCert: Buffer;
  clientKey: Buffer;
}

/** A throwaway CA with a server certificate for `serverName` and a client certificate (needs openssl). */
export function createTestPki(serverName: string): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-pki-'));
  const ssl = (...args: string[]) =>
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-subj',
      '/CN=test-ca',
    );
    const leaf = (name: string, cn: string, ext: string) => {
      fs.writeFileSync(path.join(dir, `${name}.ext`), ext);
      ssl(
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        `${name}.key`,
        '-out',
        `${name}.csr`,
        '-subj',
        `/CN=${cn}`,
      );
      ssl(
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '1',
        '-out',
        `${name}.crt`,
        '-extfile',
        `${name}.ext`,
      );
    };
    leaf(
      'server',
      serverName,
      `subjectAltName=DNS:${serverName}\nextendedKeyUsage=serverAuth\n`,
    );
    leaf('client', 'backstage', 'extendedKeyUsage=clientAuth\n');
    const read = (f: string) => fs.readFileSync(path.join(dir, f));
    return {
      ca: read('ca.crt'),
      serverCert: read('server.crt'),
      serverKey: read('server.key'),
      clientCert: read('client.crt'),
      clientKey: read('client.key'),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
