export interface Config {
  /** Choreo for Backstage */
  choreo?: {
    /**
     * Where the Choreo resources come from, in order of precedence: when two
     * sources provide the same resource, the one listed first wins.
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
            /** Commit every write (the directory must be inside a git work tree). */
            commit?: boolean;
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
     * needs get/list on pods, get on pods/log and on argoproj.io workflows in
     * the `workflows-*` namespaces.
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
