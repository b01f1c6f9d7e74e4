export interface Config {
  choreo?: {
    approvals?: {
      /**
       * Environments whose promotions need a second person's approval.
       * Default: every Environment with `spec.isProduction: true`.
       * An empty list turns approvals off.
       */
      environments?: string[];
    };
    logs?: {
      /**
       * Hard limit for one build log stream (server-sent events), in seconds;
       * the client reconnects for more. Default 600.
       */
      streamTimeoutSeconds?: number;
    };
  };
}
