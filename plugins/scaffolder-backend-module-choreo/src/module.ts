import { createBackendModule } from '@backstage/backend-plugin-api';

/** Registers the choreo:* actions with the scaffolder. */
export const scaffolderModuleChoreo = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'choreo',
  register(reg) {
    reg.registerInit({
      deps: {},
      async init() {},
    });
  },
});
