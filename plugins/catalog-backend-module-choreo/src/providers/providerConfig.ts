import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  OwnerRule,
  readOwnerRules,
} from '@choreo-for-backstage/plugin-choreo-node';

/** What `choreo.catalog` and `choreo.sources[].name` configure for the providers. */
export interface ChoreoCatalogConfig {
  /** One provider per source name, in configuration order. */
  sources: string[];
  schedule: SchedulerServiceTaskScheduleDefinition;
  maxRemovalShare: number;
  owners: OwnerRule[];
}

export const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 5 },
  scope: 'global',
};

export const DEFAULT_MAX_REMOVAL_SHARE = 0.5;

/** Reads and checks the provider configuration; errors name the key to fix. */
export function readChoreoCatalogConfig(config: Config): ChoreoCatalogConfig {
  const sources = (config.getOptionalConfigArray('choreo.sources') ?? []).map(
    source => source.getString('name').trim(),
  );
  const scheduleConfig = config.getOptionalConfig('choreo.catalog.schedule');
  const configured = scheduleConfig
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
    : undefined;
  // Several backend replicas run side by side; one full sync per period is enough.
  const schedule = configured
    ? { ...configured, scope: configured.scope ?? 'global' }
    : DEFAULT_SCHEDULE;
  const maxRemovalShare =
    config.getOptionalNumber('choreo.catalog.maxRemovalShare') ??
    DEFAULT_MAX_REMOVAL_SHARE;
  if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
    throw new Error(
      `choreo.catalog.maxRemovalShare must be a number from 0 to 1 (a share of the entities), got ${maxRemovalShare}`,
    );
  }
  return { sources, schedule, maxRemovalShare, owners: readOwnerRules(config) };
}
