import { createPublicKey, verify } from 'node:crypto';
import { startJwksIssuer } from './jwksServer';

describe('startJwksIssuer', () => {
  it('serves its key as a JWKS and signs tokens that verify with it', async () => {
    const issuer = await startJwksIssuer({ issuer: 'http://test-issuer' });
    try {
      const res = await fetch(issuer.jwksUrl);
      const { keys } = (await res.json()) as {
        keys: Array<{
          kid: string;
          alg: string;
          kty: string;
          n: string;
          e: string;
        }>;
      };
      expect(keys).toHaveLength(1);
      expect(keys[0]).toMatchObject({
        kid: issuer.kid,
        alg: 'RS256',
        kty: 'RSA',
      });

      const token = issuer.mintToken({ sub: 'tester', groups: ['devs'] });
      const [header, payload, signature] = token.split('.');
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
        alg: 'RS256',
        typ: 'JWT',
        kid: issuer.kid,
      });
      expect(
        JSON.parse(Buffer.from(payload, 'base64url').toString()),
      ).toMatchObject({
        iss: 'http://test-issuer',
        sub: 'tester',
        groups: ['devs'],
      });
      const key = createPublicKey({ key: keys[0], format: 'jwk' });
      expect(
        verify(
          'RSA-SHA256',
          Buffer.from(`${header}.${payload}`),
          key,
          Buffer.from(signature, 'base64url'),
        ),
      ).toBe(true);
    } finally {
      await issuer.stop();
    }
  });
});
