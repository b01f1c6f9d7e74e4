import { createBackendModule } from '@backstage/backend-plugin-api';
import { choreoBuildLogsExtensionPoint } from '@choreo-for-backstage/plugin-choreo-node';

/** A build log source that answers every run with the same lines, like a finished Argo pod. */
export function cannedBuildLogs(lines: Array<{ task: string; text: string }>) {
  return createBackendModule({
    pluginId: 'choreo',
    moduleId: 'canned-build-logs',
    register(env) {
      env.registerInit({
        deps: { ext: choreoBuildLogsExtensionPoint },
        async init({ ext }) {
          ext.setBuildLogSource({
            async *read() {
              yield* lines;
            },
          });
        },
      });
    },
  });
}
