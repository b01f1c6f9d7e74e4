import { createApiRef } from '@backstage/frontend-plugin-api';
import { ChoreoClient } from '@choreo-for-backstage/plugin-choreo-common';

/** Everything the choreo backend offers the browser; see ChoreoClient. */
export type ChoreoApi = Pick<ChoreoClient, keyof ChoreoClient>;

export const choreoApiRef = createApiRef<ChoreoApi>({
  id: 'plugin.choreo.api',
});
