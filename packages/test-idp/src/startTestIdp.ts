import http from 'node:http';
import { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { SAMPLE_ACCOUNTS, TEST_IDP_PASSWORD, TestIdpAccount } from './accounts';
import { createInteractionHandler, INTERACTION_PATH } from './interactions';
import { DEFAULT_LIFETIMES, TestIdpLifetimes } from './lifetimes';
import { providerConfiguration, TestIdpClient } from './providerConfiguration';

export interface TestIdpOptions {
  /** On 127.0.0.1; 0 (the default) picks a free port. */
  port?: number;
  client: TestIdpClient;
  lifetimes?: Partial<TestIdpLifetimes>;
  /** Shorter session lifetimes (seconds) for some accounts, e.g. `{ 'leo.logistics': 20 }`. */
  sessionLifetimeFor?: Record<string, number>;
  accounts?: readonly TestIdpAccount[];
  password?: string;
  /** Where the provider's errors go; default stderr. */
  log?: (message: string) => void;
}

export interface TestIdp {
  /** e.g. http://127.0.0.1:41234 */
  issuer: string;
  /** `<issuer>/.well-known/openid-configuration` */
  metadataUrl: string;
  close(): Promise<void>;
}

/** Starts the test IdP on loopback. */
export async function startTestIdp(options: TestIdpOptions): Promise<TestIdp> {
  const log =
    options.log ??
    ((message: string) => process.stderr.write(`test-idp: ${message}\n`));
  const accounts = new Map(
    (options.accounts ?? SAMPLE_ACCOUNTS).map(a => [a.username, a]),
  );

  // The issuer names the port, so listen first and answer once the provider exists.
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(
    issuer,
    providerConfiguration({
      client: options.client,
      accounts,
      lifetimes: { ...DEFAULT_LIFETIMES, ...options.lifetimes },
      sessionLifetimeFor: options.sessionLifetimeFor ?? {},
    }),
  );
  // What went wrong at the IdP shows in the test's log, not only in the browser.
  provider.on('server_error', (_ctx, error) =>
    log(`server error: ${error.message}`),
  );
  provider.on('authorization.error', (_ctx, error) =>
    log(
      `authorization error: ${error.message} (${
        error.error_description ?? ''
      })`,
    ),
  );
  provider.on('grant.error', (_ctx, error) =>
    log(
      `token request error: ${error.message} (${
        error.error_description ?? ''
      })`,
    ),
  );
  provider.on('userinfo.error', (_ctx, error) =>
    log(`userinfo error: ${error.message}`),
  );

  const handleInteraction = createInteractionHandler({
    provider,
    accounts,
    password: options.password ?? TEST_IDP_PASSWORD,
  });
  const handleOidc = provider.callback();
  server.on('request', (req, res) => {
    const interaction = INTERACTION_PATH.exec(
      new URL(req.url ?? '/', issuer).pathname,
    );
    if (!interaction) {
      handleOidc(req, res);
      return;
    }
    handleInteraction(req, res, interaction[2] !== undefined).catch(error => {
      log(`interaction failed: ${error}`);
      if (!res.headersSent) {
        res.writeHead(500).end();
      }
    });
  });

  return {
    issuer,
    metadataUrl: `${issuer}/.well-known/openid-configuration`,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
