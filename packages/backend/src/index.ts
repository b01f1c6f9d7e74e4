/*
 * The Choreo for Backstage backend: Backstage's core plugins plus the Choreo
 * modules. The Choreo store (one per process) is a root service from
 * @choreo-for-backstage/plugin-choreo-node with a default factory, so every
 * Choreo module shares it without being wired here.
 */

import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// choreo:* actions: create projects and components, builds, promote, roll back
backend.add(
  import('@choreo-for-backstage/plugin-scaffolder-backend-module-choreo'),
);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin
backend.add(import('@backstage/plugin-auth-backend'));
// sign-in: OIDC (auth.providers.oidc, sign-in resolver openChoreoGroups) and,
// in development only, as a person of the sample (auth.providers.sample)
backend.add(import('@choreo-for-backstage/plugin-auth-backend-module-choreo'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

// Choreo resources (organizations, projects, components, endpoints, platform) as catalog entities
backend.add(
  import('@choreo-for-backstage/plugin-catalog-backend-module-choreo'),
);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// who may do what: OpenChoreo's own roles and bindings (AuthzRole,
// ClusterAuthzRole and their bindings in the Choreo sources) decide
backend.add(
  import('@choreo-for-backstage/plugin-permission-backend-module-choreo'),
);

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// kubernetes plugin
backend.add(import('@backstage/plugin-kubernetes-backend'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// choreo: deployments, promotions with approval and audit, builds, cell topology
backend.add(import('@choreo-for-backstage/plugin-choreo-backend'));

backend.start();
