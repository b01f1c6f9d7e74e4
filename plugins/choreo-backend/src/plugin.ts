import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  BuildLogSource,
  FlowSource,
  KubernetesBuildLogSource,
  choreoBuildLogsExtensionPoint,
  choreoFlowSourceExtensionPoint,
  choreoStoreServiceRef,
  readOwnerRules,
} from '@choreo-for-backstage/plugin-choreo-node';
import { readApprovalConfig } from './approvals/approvalConfig';
import { checkApprovalEnvironments } from './approvals/checkApprovalEnvironments';
import { migratedClient } from './database/migrations';
import { flowSourceFromConfig } from './flows/flowSourceFromConfig';
import { ChoreoResourceResolver } from './permissions/ChoreoResourceResolver';
import { registerChoreoPermissions } from './permissions/registerChoreoPermissions';
import { roleDecisionOf } from './permissions/roleDecision';
import { createRouter } from './router';
import { createChoreoServices } from './services';

/**
 * The choreo backend: deployments, promotions with approval and audit,
 * builds and cell topology over the shared Choreo store.
 *
 * @public
 */
export const choreoPlugin = createBackendPlugin({
  pluginId: 'choreo',
  register(env) {
    // one module each: a second one would silently replace the first
    let logSource: BuildLogSource | undefined;
    env.registerExtensionPoint(choreoBuildLogsExtensionPoint, {
      setBuildLogSource(source) {
        if (logSource) {
          throw new Error(
            'Two backend modules set the choreo build log source; install only one of them',
          );
        }
        logSource = source;
      },
    });
    let flowSource: FlowSource | undefined;
    env.registerExtensionPoint(choreoFlowSourceExtensionPoint, {
      setFlowSource(source) {
        if (flowSource) {
          throw new Error(
            'Two backend modules set the choreo flow source; install only one of them',
          );
        }
        flowSource = source;
      },
    });
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
        store: choreoStoreServiceRef,
      },
      async init({
        config,
        database,
        httpAuth,
        httpRouter,
        lifecycle,
        logger,
        permissions,
        permissionsRegistry,
        scheduler,
        store,
      }) {
        // a module's source wins; otherwise read the Argo pods of choreo.workflowPlane
        if (!logSource) {
          logSource = KubernetesBuildLogSource.fromConfig(config);
          if (logSource) {
            logger.info(
              'Build logs are read from the workflow plane of choreo.workflowPlane',
            );
          }
        }
        // a module's source wins; otherwise the file or relay of choreo.hubble
        flowSource ??= flowSourceFromConfig(config, logger);
        if (flowSource) {
          const started = flowSource;
          await started.start();
          lifecycle.addShutdownHook(() => started.stop());
          logger.info(`Network flows are read from ${started.status().type}`);
        }
        const approvals = readApprovalConfig(config);
        const roles = roleDecisionOf(store);
        lifecycle.addShutdownHook(() => roles.close());
        // the permission framework asks the plugin to apply conditions on
        // choreo-resources; the resolver reads what the rules need
        registerChoreoPermissions(
          permissionsRegistry,
          new ChoreoResourceResolver({
            store,
            approvals,
            owners: readOwnerRules(config),
            roles: roles.decide,
          }),
        );
        // answer from a loaded store, not an empty one, right after start-up
        await store.ready();
        checkApprovalEnvironments(approvals, store, logger);

        const services = createChoreoServices({
          config,
          logger,
          permissions,
          store,
          db: await migratedClient(database),
          approvals,
        });
        lifecycle.addShutdownHook(() => services.cache.close());
        lifecycle.addShutdownHook(() => services.layouts.close());
        await scheduler.scheduleTask({
          id: 'choreo-change-requests-sweep',
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          // requests live in the database: one replica sweeps for all
          scope: 'global',
          fn: async () => {
            await services.gate.sweep();
            await services.idempotency.prune(
              new Date(Date.now() - 24 * 60 * 60 * 1000),
            );
          },
        });

        httpRouter.use(
          createRouter({
            ...services,
            httpAuth,
            logger,
            store,
            logSource: () => logSource,
            streamTimeoutMs:
              (config.getOptionalNumber('choreo.logs.streamTimeoutSeconds') ??
                600) * 1000,
            flowSource,
            flowStreamTimeoutMs:
              (config.getOptionalNumber('choreo.hubble.streamTimeoutSeconds') ??
                600) * 1000,
            flowStreamBufferSize:
              config.getOptionalNumber('choreo.hubble.streamBufferSize') ??
              1000,
          }),
        );
      },
    });
  },
});
