import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { oidcAuthApi } from './oidcAuthApi';

const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      import('./ChoreoSignInPage').then(m => m.ChoreoSignInPage),
  },
});

/**
 * Sign-in for the portal: the OIDC auth API and the sign-in page that
 * replaces the app's default (guest) one. The sign-in page input of the app
 * root is internal, so this is a module of the `app` plugin.
 */
export const authModule = createFrontendModule({
  pluginId: 'app',
  extensions: [oidcAuthApi, signInPage],
});
