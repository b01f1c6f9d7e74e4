import {
  CHANGE_KINDS,
  ChangeRequest,
  ComponentDeployments,
  EnvironmentDeployment,
} from '@choreo-for-backstage/plugin-choreo-common';

// Shaped like the backend's answers for examples/acme (storefront/cart-service),
// whose development release is newer than staging and production.

const NOW = Date.now();
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();
const hoursFromNow = (h: number) => new Date(NOW + h * 3_600_000).toISOString();

export const CART_DEV_RELEASE = 'cart-service-6b5f757594';
export const CART_STAGING_RELEASE = 'cart-service-6cff9cb6b8';

function lane(
  environment: string,
  releaseName: string,
  extra: Partial<EnvironmentDeployment> = {},
): EnvironmentDeployment {
  return {
    environment,
    displayName: environment[0].toUpperCase() + environment.slice(1),
    isProduction: environment === 'production',
    // the default approval settings: every change in production waits
    requiresApproval: environment === 'production',
    changesNeedingApproval:
      environment === 'production' ? [...CHANGE_KINDS] : [],
    bindingName: `cart-service-${environment}`,
    releaseName,
    status: {
      state: 'ready',
      reason: 'Ready',
      message: 'Running and ready',
      since: minutesAgo(5),
    },
    endpoints: [
      {
        name: 'api',
        type: 'HTTP',
        serviceURL: `http://cart-service.dp-acme-storefront-${environment}.svc.cluster.local:8080/cart`,
      },
    ],
    lastChange: minutesAgo(5),
    promotions: [],
    ...extra,
  };
}

export function cartServiceDeployments(
  overrides: {
    staging?: Partial<EnvironmentDeployment>;
    production?: Partial<EnvironmentDeployment>;
  } = {},
): ComponentDeployments {
  return {
    component: {
      namespace: 'acme',
      name: 'cart-service',
      project: 'storefront',
      displayName: 'Cart Service',
      autoDeploy: true,
      endpoints: [
        {
          name: 'api',
          type: 'HTTP',
          port: 8080,
          visibility: ['project', 'external'],
          displayName: 'Cart API',
        },
      ],
    },
    pipeline: {
      name: 'default',
      environments: ['development', 'staging', 'production'],
      root: 'development',
      problems: [],
    },
    environments: [
      lane('development', CART_DEV_RELEASE, {
        promotions: [{ to: 'staging', requiresApproval: false }],
      }),
      lane('staging', CART_STAGING_RELEASE, {
        promotions: [{ to: 'production', requiresApproval: true }],
        ...overrides.staging,
      }),
      lane('production', CART_STAGING_RELEASE, overrides.production),
    ],
    releases: [
      {
        name: CART_DEV_RELEASE,
        createdAt: '2026-08-24T09:23:00Z',
        image: 'registry.acme.example/storefront/cart-service:6b5f757',
        deployedIn: ['development'],
        latest: true,
      },
      {
        name: CART_STAGING_RELEASE,
        createdAt: '2026-08-10T07:30:00Z',
        image: 'registry.acme.example/storefront/cart-service:6cff9cb',
        deployedIn: ['staging', 'production'],
        latest: false,
      },
    ],
  };
}

export const REQUEST_ID = '0b9f6c52-3d1e-4b8a-9a51-2f0c7e4d8a11';

/**
 * Alice's request to promote the newer release from staging into
 * production, which ran the older one when she asked.
 */
export function changeRequest(
  overrides: Partial<ChangeRequest> = {},
): ChangeRequest {
  return {
    id: REQUEST_ID,
    componentRef: 'component:acme/cart-service',
    environment: 'production',
    change: {
      kind: 'promote',
      from: 'staging',
      releaseName: CART_DEV_RELEASE,
    },
    basis: { bound: true, releaseName: CART_STAGING_RELEASE, state: 'Active' },
    requestedBy: 'user:acme/alice',
    requestedAt: minutesAgo(3),
    expiresAt: hoursFromNow(71),
    state: 'pending',
    ...overrides,
  };
}
