import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  oidcAuthenticator,
  oidcSignInResolvers,
} from '@backstage/plugin-auth-backend-module-oidc-provider';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
  createProxyAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { openChoreoGroupsResolver } from './oidc/openChoreoGroupsResolver';
import { sampleAuthenticator } from './sample/sampleAuthenticator';
import { readSamplePeople } from './sample/samplePeople';
import {
  createSamplePeopleRouter,
  SAMPLE_PEOPLE_PATH,
} from './sample/samplePeopleRouter';
import {
  signInAsSamplePerson,
  sampleProfileTransform,
} from './sample/sampleSignIn';
import {
  readSampleSignInConfig,
  sampleSignInRefusal,
} from './sample/sampleSignInConfig';

/**
 * Sign-in for Choreo for Backstage, as auth providers of the auth plugin:
 *
 * - `oidc`: OpenID Connect with Backstage's own authenticator, and the
 *   `openChoreoGroups` sign-in resolver next to the stock ones.
 * - `sample` (development only): sign in as one of the sample organization's
 *   people, picked on the sign-in page.
 *
 * Like every provider, each is mounted only when `auth.providers.<id>` is
 * configured. Replaces @backstage/plugin-auth-backend-module-oidc-provider
 * (both register `oidc`).
 */
export const authModuleChoreo = createBackendModule({
  pluginId: 'auth',
  moduleId: 'choreo',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
      },
      async init({ providers, config, logger, httpRouter, auth, catalog }) {
        providers.registerProvider({
          providerId: 'oidc',
          factory: createOAuthProviderFactory({
            authenticator: oidcAuthenticator,
            signInResolverFactories: {
              ...oidcSignInResolvers,
              openChoreoGroups: openChoreoGroupsResolver,
            },
          }),
        });

        providers.registerProvider({
          providerId: 'sample',
          factory: createProxyAuthProviderFactory({
            authenticator: sampleAuthenticator,
            profileTransform: sampleProfileTransform,
            signInResolver: signInAsSamplePerson,
          }),
        });

        const sampleConfig = config.getOptionalConfig('auth.providers.sample');
        if (sampleConfig) {
          const sample = readSampleSignInConfig(sampleConfig);
          if (!sample.enabled) {
            logger.warn(sampleSignInRefusal(sample.nodeEnv));
          }
          // Modules start before their plugin, so this route comes before the
          // auth plugin's own `/:provider/*` routes.
          httpRouter.use(
            createSamplePeopleRouter({
              config: sample,
              readPeople: () =>
                readSamplePeople(sample.people, { catalog, auth }),
            }),
          );
          httpRouter.addAuthPolicy({
            path: SAMPLE_PEOPLE_PATH,
            allow: 'unauthenticated',
          });
        }
      },
    });
  },
});
