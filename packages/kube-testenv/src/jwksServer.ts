import { KeyObject, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/** A token issuer for tests: one RSA key, its JWKS served on loopback, RS256 tokens. */
export interface JwksIssuer {
  /** `http://127.0.0.1:<port>/jwks`: what a server under test fetches keys from. */
  jwksUrl: string;
  /** The `iss` of every minted token. */
  issuer: string;
  /** The key id in the JWKS and in every token header. */
  kid: string;
  /** A signed JWT with `iss`, `iat`, `exp` (one hour) and the given claims. */
  mintToken(claims: Record<string, unknown>): string;
  stop(): Promise<void>;
}

export interface JwksIssuerOptions {
  /** Default `http://kube-testenv-issuer`. */
  issuer?: string;
}

/**
 * Starts a tiny JWKS endpoint on a free loopback port, so servers that
 * validate JWTs against a JWKS URL (openchoreo-api, for one) can be tested
 * with tokens the test mints itself; no identity provider needed.
 */
export async function startJwksIssuer(
  options: JwksIssuerOptions = {},
): Promise<JwksIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const kid = randomBytes(8).toString('hex');
  const issuer = options.issuer ?? 'http://kube-testenv-issuer';
  const jwks = JSON.stringify({
    keys: [
      { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
    ],
  });

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/jwks') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(jwks);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    jwksUrl: `http://127.0.0.1:${port}/jwks`,
    issuer,
    kid,
    mintToken: claims => signJwt(privateKey, kid, issuer, claims),
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function signJwt(
  key: KeyObject,
  kid: string,
  issuer: string,
  claims: Record<string, unknown>,
): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = base64url(
    JSON.stringify({ iss: issuer, iat: now, exp: now + 3600, ...claims }),
  );
  const signature = sign(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    key,
  ).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
