import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { choreoPermissions } from '@choreo-for-backstage/plugin-choreo-common';
import {
  KubernetesBuildLogSource,
  choreoStoreServiceRef,
} from '@choreo-for-backstage/plugin-choreo-node';
import { AuditLog } from './database/AuditLog';
import { migratedClient } from './database/migrations';
import { PromotionRequestStore } from './database/PromotionRequestStore';
import { ComponentAuthorizer } from './permissions/ComponentAuthorizer';
import { createRouter } from './router';
import { ApprovalService } from './service/ApprovalService';
import { BuildService } from './service/BuildService';
import { DeploymentService } from './service/DeploymentService';
import { ReadModelCache } from './service/ReadModelCache';
import { ReleaseService } from './service/ReleaseService';
import {
  BuildLogSource,
  choreoBuildLogsExtensionPoint,
} from './logs/BuildLogSource';
import { TopologyService } from './service/TopologyService';

/**
 * The choreo backend: deployments, promotions with approval and audit,
 * builds and cell topology over the shared Choreo store.
 *
 * @public
 */
export const choreoPlugin = createBackendPlugin({
  pluginId: 'choreo',
  register(env) {
    let logSource: BuildLogSource | undefined;
    env.registerExtensionPoint(choreoBuildLogsExtensionPoint, {
      setBuildLogSource(source) {
        logSource = source;
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
        permissionsRegistry.addPermissions([...choreoPermissions]);
        // answer from a loaded store, not an empty one, right after start-up
        await store.ready();

        const db = await migratedClient(database);
        const audit = new AuditLog(db);
        const requests = new PromotionRequestStore(db);
        const authorizer = new ComponentAuthorizer(permissions);
        const approvalEnvironments = config.getOptionalStringArray(
          'choreo.approvals.environments',
        );
        const deployments = new DeploymentService(store, approvalEnvironments);
        const releases = new ReleaseService({
          store,
          authorizer,
          audit,
          requests,
          approvalEnvironments,
        });
        const approvals = new ApprovalService({
          requests,
          audit,
          authorizer,
          releases,
        });

        const cache = new ReadModelCache(store);
        lifecycle.addShutdownHook(() => cache.close());

        httpRouter.use(
          createRouter({
            httpAuth,
            store,
            authorizer,
            audit,
            deployments,
            releases,
            approvals,
            topology: new TopologyService(store),
            builds: new BuildService({ store, authorizer, audit }),
            cache,
            logSource: () => logSource,
            streamTimeoutMs:
              (config.getOptionalNumber('choreo.logs.streamTimeoutSeconds') ??
                600) * 1000,
          }),
        );
      },
    });
  },
});
