import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createChoreoActions } from './actions';

/** Registers the choreo:* actions with the scaffolder. */
export const scaffolderModuleChoreo = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'choreo',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        scaffolder.addActions(...createChoreoActions({ discovery, auth }));
      },
    });
  },
});
