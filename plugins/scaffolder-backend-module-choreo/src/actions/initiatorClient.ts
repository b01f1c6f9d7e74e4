import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ActionContext } from '@backstage/plugin-scaffolder-node';
import { ChoreoClient } from '@choreo-for-backstage/plugin-choreo-common';

/** What every choreo:* action needs: where the choreo backend is and who may call it. */
export interface ChoreoActionDeps {
  discovery: DiscoveryService;
  auth: AuthService;
}

/**
 * The choreo backend client plus a token that acts for the user who started
 * the task. The backend checks permissions, asks for approvals and writes the
 * audit log as that user, so a template cannot do more than its user could
 * in the UI.
 */
export async function initiatorClient(
  deps: ChoreoActionDeps,
  ctx: Pick<ActionContext<any>, 'getInitiatorCredentials' | 'signal'>,
): Promise<{
  client: ChoreoClient;
  options: { token: string; signal?: AbortSignal };
}> {
  const { token } = await deps.auth.getPluginRequestToken({
    onBehalfOf: await ctx.getInitiatorCredentials(),
    targetPluginId: 'choreo',
  });
  return {
    client: new ChoreoClient({ discoveryApi: deps.discovery }),
    options: { token, signal: ctx.signal },
  };
}
