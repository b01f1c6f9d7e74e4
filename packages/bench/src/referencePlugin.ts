import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';

/** The floor route of bench:api, under the backend's base URL. */
export const REFERENCE_PATH = '/api/bench-reference/ping';

/**
 * A bench-only backend plugin with one GET route that does what every
 * choreo read route does before its own work, and nothing else: the root
 * router, the plugin's router, a user token checked by httpAuth (401
 * without), and a small JSON answer. Its throughput is the floor our
 * routes stand on in the same backend.
 */
export const benchReferencePlugin = createBackendPlugin({
  pluginId: 'bench-reference',
  register(reg) {
    reg.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
      },
      async init({ httpRouter, httpAuth }) {
        httpRouter.use((req, res, next) => {
          if (req.method !== 'GET' || req.path !== '/ping') {
            next();
            return;
          }
          httpAuth.credentials(req, { allow: ['user'] }).then(
            credentials =>
              res.json({
                ok: true,
                user: credentials.principal.userEntityRef,
              }),
            next,
          );
        });
      },
    });
  },
});
