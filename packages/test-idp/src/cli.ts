/*
 * Runs the test IdP as a process of its own, for scripts and browser tests:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs packages/test-idp/src/cli.ts \
 *     --port 7011 --client-id backstage --client-secret secret \
 *     --redirect-uri http://localhost:7007/api/auth/oidc/handler/frame \
 *     [--session-lifetime 3600] [--session-lifetime-for leo.logistics=20] \
 *     [--access-token-lifetime 900]
 *
 * Prints one JSON line {"issuer", "metadataUrl"} on stdout once it answers,
 * and stops on SIGTERM or SIGINT.
 */
import { parseArgs } from 'node:util';
import { startTestIdp } from './startTestIdp';

function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) {
    throw new Error(
      `--${flag} wants a positive number of seconds, got '${value}'`,
    );
  }
  return parsed;
}

function perAccount(values: string[]): Record<string, number> {
  return Object.fromEntries(
    values.map(value => {
      const [account, lifetime] = value.split('=');
      const parsed = seconds(lifetime, 'session-lifetime-for');
      if (!account || parsed === undefined) {
        throw new Error(
          `--session-lifetime-for wants <username>=<seconds>, got '${value}'`,
        );
      }
      return [account, parsed];
    }),
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'client-id': { type: 'string', default: 'backstage' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string', multiple: true },
      'access-token-lifetime': { type: 'string' },
      'session-lifetime': { type: 'string' },
      'session-lifetime-for': { type: 'string', multiple: true, default: [] },
    },
  });
  const clientSecret = values['client-secret'];
  const redirectUris = values['redirect-uri'];
  if (!clientSecret || !redirectUris?.length) {
    throw new Error('--client-secret and --redirect-uri are required');
  }
  const accessToken = seconds(
    values['access-token-lifetime'],
    'access-token-lifetime',
  );
  const session = seconds(values['session-lifetime'], 'session-lifetime');

  const idp = await startTestIdp({
    port: Number(values.port),
    client: { clientId: values['client-id'], clientSecret, redirectUris },
    lifetimes: {
      ...(accessToken ? { accessToken, idToken: accessToken } : {}),
      ...(session ? { session } : {}),
    },
    sessionLifetimeFor: perAccount(values['session-lifetime-for']),
  });
  process.stdout.write(
    `${JSON.stringify({ issuer: idp.issuer, metadataUrl: idp.metadataUrl })}\n`,
  );
  const stop = () => {
    idp.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch(error => {
  process.stderr.write(
    `test-idp: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exit(1);
});
