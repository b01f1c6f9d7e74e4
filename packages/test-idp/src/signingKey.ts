import { generateKeyPairSync, randomUUID } from 'node:crypto';

/** The private JWK the provider signs ID tokens with, new at every start. */
export interface SigningJwk {
  kty: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
  [member: string]: unknown;
}

/** A fresh RS256 key pair, so no key material lives in the repository. */
export function generateSigningKey(): SigningJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    ...jwk,
    kty: jwk.kty ?? 'RSA',
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  };
}
