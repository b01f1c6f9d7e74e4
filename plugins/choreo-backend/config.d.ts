import { HumanDuration } from '@backstage/types';

export interface Config {
  choreo?: {
    /**
     * The four-eyes gate: changes to what runs in these environments wait
     * for someone other than the requester to approve them.
     */
    approvals?: {
      /**
       * False turns four-eyes off for every environment (a warning is
       * logged at start). Default true.
       */
      enabled?: boolean;
      /**
       * Environments that need approval besides the production ones
       * (`spec.isProduction`); environments no source knows need approval
       * too. A name no source has stops the start-up (a typo would leave the
       * environment meant unguarded).
       */
      environments?: string[];
      /**
       * Which changes wait for approval. Default: all of them. An empty list
       * is refused: set `enabled: false` to turn approval off.
       */
      changes?: Array<
        'promote' | 'rollback' | 'undeploy' | 'redeploy' | 'restart'
      >;
      /** A request nobody decided by then expires. Default 3 days. */
      expireAfter?: HumanDuration;
    };
    permissions?: {
      /**
       * How long the decision on a read (choreo.component.read and the
       * like) is reused for the same sign-in token, permission and
       * resource, e.g. '10s'; at most one minute, { seconds: 0 } never.
       * Changes are always decided afresh, and a change to an OpenChoreo
       * role or binding forgets every reused decision at once. Default 10 seconds.
       */
      readDecisionTtl?: string | HumanDuration;
    };
    /** Limits of server-sent event streams (build logs, network flows). */
    streams?: {
      /** Open streams one person may have; beyond it 429. Default 8. */
      maxPerUser?: number;
      /** Open streams of everyone together; beyond it 429. Default 200. */
      maxTotal?: number;
    };
    logs?: {
      /**
       * Hard limit for one build log stream (server-sent events), in seconds;
       * the client reconnects for more. Default 600.
       */
      streamTimeoutSeconds?: number;
    };
    /**
     * Network flows from Cilium Hubble, for the traffic overlay of the cell
     * topology and the live flow streams. Set `file` or `relay`.
     */
    hubble?: {
      /**
       * A flow log: one Hubble flow per line, as `hubble observe -o json` and
       * Hubble's flow export write it. Resolved from the backend's working directory.
       */
      file?: string;
      /** Keep reading what is appended to `file`. Default true. */
      follow?: boolean;
      relay?: {
        /** `host:port` of hubble-relay, e.g. `hubble-relay.kube-system:4245`. */
        address: string;
        /** TLS towards the relay; the system roots when no caFile is given. */
        tls?: {
          caFile?: string;
          certFile?: string;
          keyFile?: string;
          /** Name to verify the relay's certificate against. */
          serverName?: string;
        };
        /** Plaintext gRPC (the relay without TLS). Default false. */
        insecure?: boolean;
      };
      /** How many of the latest flows to keep in memory. Default 10,000. */
      bufferSize?: number;
      /** Hard limit for one flow stream, in seconds; the client reconnects. Default 600. */
      streamTimeoutSeconds?: number;
      /**
       * Flows queued per stream client; a slower client loses the oldest
       * and gets a `lost` event with their count. Default 1,000.
       */
      streamBufferSize?: number;
    };
  };
}
