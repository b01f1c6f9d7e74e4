import { createRouteRef } from '@backstage/frontend-plugin-api';

export const marketplaceRouteRef = createRouteRef();
export const platformOverviewRouteRef = createRouteRef();
