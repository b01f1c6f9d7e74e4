import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  choreo?: {
    /** How Choreo resources become catalog entities (one provider per `choreo.sources` entry). */
    catalog?: {
      /**
       * The periodic full sync, a safety net next to the change-by-change
       * updates. Default: every 30 minutes, global scope (one replica runs it).
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Share of its entities (0 to 1) a provider may remove in one run;
       * a run that would remove more is refused and logged. Runs removing
       * fewer than 10 entities are never refused. Default 0.5.
       */
      maxRemovalShare?: number;
      /**
       * Default owners where resources carry no `backstage.io/owner`
       * annotation. A project entry wins over a namespace entry; for
       * cluster-scoped resources use the source name as `namespace`.
       * Without any owner, a generated `<namespace>-team` group owns them.
       */
      owners?: Array<{
        /** Control-plane namespace (or source name, for cluster-scoped resources). */
        namespace: string;
        /** Only this project of the namespace. */
        project?: string;
        /** Entity ref of the owner; a bare name is a group in the `default` namespace. */
        owner: string;
      }>;
    };
  };
}
