import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { choreoPermissions } from '@choreo-for-backstage/plugin-choreo-common';
import {
  BuildLogSource,
  FlowSource,
  KubernetesBuildLogSource,
  choreoBuildLogsExtensionPoint,
  choreoFlowSourceExtensionPoint,
  choreoStoreServiceRef,
} from '@choreo-for-backstage/plugin-choreo-node';
import { CellLayoutService } from './cellLayout/CellLayoutService';
import { AuditLog } from './audit/AuditLog';
import { migratedClient } from './database/migrations';
import { PromotionRequestStore } from './approvals/PromotionRequestStore';
import { ComponentAuthorizer } from './permissions/ComponentAuthorizer';
import { createRouter } from './router';
import { ApprovalService } from './approvals/ApprovalService';
import { BuildService } from './builds/BuildService';
import { DeploymentService } from './deployments/DeploymentService';
import { ReadModelCache } from './shared/ReadModelCache';
import { ReleaseService } from './deployments/ReleaseService';
import { ResourceCreationAuthorizer } from './creation/ResourceCreationAuthorizer';
import { ResourceCreationService } from './creation/ResourceCreationService';
import { TopologyService } from './topology/TopologyService';
import { FlowService } from './flows/FlowService';
import { flowSourceFromConfig } from './flows/flowSourceFromConfig';

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
        // a module's source wins; otherwise the file or relay of choreo.hubble
        flowSource ??= flowSourceFromConfig(config, logger);
        if (flowSource) {
          const started = flowSource;
          await started.start();
          lifecycle.addShutdownHook(() => started.stop());
          logger.info(`Network flows are read from ${started.status().type}`);
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

        const layouts = new CellLayoutService();
        lifecycle.addShutdownHook(() => layouts.close());

        const topology = new TopologyService(store, cache);
        httpRouter.use(
          createRouter({
            httpAuth,
            permissions,
            store,
            authorizer,
            audit,
            deployments,
            releases,
            resources: new ResourceCreationService({
              store,
              authorizer: new ResourceCreationAuthorizer(permissions),
              audit,
            }),
            approvals,
            topology,
            builds: new BuildService({ store, authorizer, audit }),
            cache,
            layouts,
            logSource: () => logSource,
            streamTimeoutMs:
              (config.getOptionalNumber('choreo.logs.streamTimeoutSeconds') ??
                600) * 1000,
            flows: new FlowService(store, topology),
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
