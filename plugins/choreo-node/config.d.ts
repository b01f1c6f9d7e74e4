import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Choreo for Backstage */
  choreo?: {
    /**
     * Where the Choreo resources come from. Each organisation (control-plane
     * namespace) comes from one source: when two offer the same namespace,
     * the one listed first serves it and the other reports a conflict.
     */
    sources?: Array<
      | {
          /** A directory of OpenChoreo manifests (a GitOps repository checkout, or the bundled examples). */
          type: 'directory';
          /** Unique name of the source, shown in status and problems. */
          name: string;
          /** The directory; relative paths start at the backend's working directory. */
          path: string;
          /** GitOps mode. */
          git?: {
            /** Commit every write (the directory must be inside a git work tree). Implied by `remote`. */
            commit?: boolean;
            /**
             * The Git remote the directory follows: `path` becomes the
             * portal's own clone of it (cloned when missing or empty), fetched
             * on an interval, and every write is a commit pushed to `branch`
             * before it returns. Several backend replicas, each with its own
             * clone, share the remote; it orders their writes.
             */
            remote?: {
              /** https://host/org/repo.git, ssh://git@host/org/repo.git, git@host:org/repo.git or an absolute path; no credentials in it. */
              url: string;
              /** The branch to follow and push to. Default main. */
              branch?: string;
              /** How often to fetch, e.g. '30s' or { seconds: 30 }. Default 30 seconds. */
              fetchInterval?: string | HumanDuration;
              /** Pushes per write when others push first; each time the change is worked out again on the new head. Default 5. */
              pushAttempts?: number;
              /** Wait before the second push; doubles after each, with jitter. Default 200 ms. */
              retryDelay?: string | HumanDuration;
              /** For an https:// URL: basic auth with a password or access token, and a private CA. */
              https?: {
                /** User name; for a token, whatever the server expects (e.g. 'x-access-token', 'oauth2'). */
                username?: string;
                /**
                 * Password or access token.
                 * @visibility secret
                 */
                password?: string;
                /** A file holding the password or token (a mounted secret); read for every fetch and push. */
                passwordFile?: string;
                /** CA bundle that signed the server's certificate. */
                caFile?: string;
              };
              /** For an ssh URL: required. */
              ssh?: {
                /** The private key file (a mounted secret may be world-readable; the portal uses a private copy). */
                privateKeyFile: string;
                /** known_hosts lines of the server; host keys are checked strictly. */
                knownHostsFile: string;
              };
            };
          };
          /** Only load these control-plane namespaces. */
          namespaces?: string[];
        }
      | {
          /** A live OpenChoreo control plane, followed with list + watch and written with server-side apply. */
          type: 'kubernetes';
          /** Unique name of the source, shown in status and problems. */
          name: string;
          /** Path of a kubeconfig file. */
          kubeconfig?: string;
          /** Context of the kubeconfig to use. */
          context?: string;
          /** Use the service account of the pod the backend runs in. */
          inCluster?: boolean;
          /** API server URL (with `token`). */
          url?: string;
          /**
           * Bearer token for `url`.
           * @visibility secret
           */
          token?: string;
          /** CA bundle of the API server. */
          caFile?: string;
          /**
           * Only watch these control-plane namespaces; default: every namespace
           * labelled openchoreo.dev/control-plane=true.
           */
          namespaces?: string[];
          /**
           * Write as the signed-in user with Kubernetes impersonation
           * (Impersonate-User: the user's entity ref), so cluster RBAC applies
           * per user. The backend's identity needs the impersonate verb. Default false.
           */
          impersonate?: boolean;
        }
    >;
    /**
     * The cluster of the workflow plane, where the Argo build pods run; build
     * logs are read from there. Either `source` (the name of a kubernetes
     * source whose client configuration to reuse, when the workflow plane is
     * the control-plane cluster) or a connection of its own. The identity
     * needs list on pods, get on pods/log and get on argoproj.io workflows in
     * the `workflows-*` namespaces (deploy/kubernetes/rbac/workflow-plane-build-logs.yaml).
     */
    workflowPlane?: {
      /** Name of a `type: kubernetes` entry of `choreo.sources` to reuse. */
      source?: string;
      /** Path of a kubeconfig file. */
      kubeconfig?: string;
      /** Context of the kubeconfig to use. */
      context?: string;
      /** Use the service account of the pod the backend runs in. */
      inCluster?: boolean;
      /** API server URL (with `token`). */
      url?: string;
      /**
       * Bearer token for `url`.
       * @visibility secret
       */
      token?: string;
      /** CA bundle of the API server. */
      caFile?: string;
    };
  };
}
