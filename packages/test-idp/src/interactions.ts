import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { TestIdpAccount } from './accounts';
import { errorPage, loginPage } from './loginPage';

/** `/interaction/<uid>` shows the login page, `/interaction/<uid>/login` takes it. */
export const INTERACTION_PATH = /^\/interaction\/([^/]+)(\/login)?$/;

/**
 * The IdP's own login step: oidc-provider sends the browser here when the
 * authorization request needs a sign-in, and this hands the account back.
 */
export function createInteractionHandler(options: {
  provider: Provider;
  accounts: ReadonlyMap<string, TestIdpAccount>;
  password: string;
}) {
  const { provider, accounts, password } = options;

  return async function handleInteraction(
    req: IncomingMessage,
    res: ServerResponse,
    submitted: boolean,
  ): Promise<void> {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch {
      sendHtml(
        res,
        400,
        errorPage(
          'This sign-in expired or is unknown. Start again from the application.',
        ),
      );
      return;
    }
    const clientId = String(details.params.client_id ?? '');
    // Consent is granted with the login (loadExistingGrant); only login is left.
    if (details.prompt.name !== 'login') {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: `The test IdP does not handle the '${details.prompt.name}' prompt`,
      });
      return;
    }
    if (!submitted || req.method !== 'POST') {
      sendHtml(res, 200, loginPage({ uid: details.uid, clientId }));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username')?.trim() ?? '';
    const account = accounts.get(username);
    if (!account || form.get('password') !== password) {
      sendHtml(
        res,
        200,
        loginPage({
          uid: details.uid,
          clientId,
          username,
          error: 'Unknown username or wrong password.',
        }),
      );
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.username } },
      { mergeWithLastSubmission: false },
    );
  };
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}
