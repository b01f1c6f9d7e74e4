import { ChangeKind } from '../domain/approvalGate';
import { StatusSummary } from '../domain/conditionSummary';
import { EndpointType, EndpointVisibility } from '../resources';

/** A component as the Choreo API names it: its control-plane namespace and name. */
export interface ComponentRef {
  namespace: string;
  name: string;
}

/** An endpoint as the component's current Workload declares it. */
export interface DeclaredEndpoint {
  name: string;
  type: EndpointType;
  port: number;
  /** Narrowest first; always includes `project`. */
  visibility: EndpointVisibility[];
  displayName?: string;
}

/** One endpoint of a deployed component, with the URLs OpenChoreo reported. */
export interface DeployedEndpoint {
  name: string;
  type?: EndpointType;
  /** The URL to call it from outside (external gateway), when it has one. */
  invokeURL?: string;
  externalURL?: string;
  internalURL?: string;
  /** In-cluster URL (project and namespace visibility). */
  serviceURL?: string;
}

export interface PossiblePromotion {
  to: string;
  /** Promoting there creates a change request that someone else approves. */
  requiresApproval: boolean;
}

/** The component in one environment of its pipeline. */
export interface EnvironmentDeployment {
  environment: string;
  displayName?: string;
  isProduction: boolean;
  /** Changes here wait for someone else's approval (see changesNeedingApproval). */
  requiresApproval: boolean;
  /** Which changes wait for approval here; empty when none do. */
  changesNeedingApproval: ChangeKind[];
  /** Name of the ReleaseBinding; absent when never deployed here. */
  bindingName?: string;
  releaseName?: string;
  /** `Undeploy` when the release is bound but taken out of the environment. */
  state?: 'Active' | 'Undeploy';
  /** ISO time of the last restart asked for (annotation `openchoreo.dev/restarted-at`). */
  restartedAt?: string;
  /** `not-deployed` when no ReleaseBinding exists for this environment. */
  status: StatusSummary | { state: 'not-deployed'; message: string };
  endpoints: DeployedEndpoint[];
  /** ISO time of the latest change we know of (spec update, status change, restart). */
  lastChange?: string;
  promotions: PossiblePromotion[];
}

export interface ReleaseSummary {
  name: string;
  createdAt?: string;
  image?: string;
  /** Environments whose binding points at this release. */
  deployedIn: string[];
  /** The release the component controller made last (`status.latestRelease`). */
  latest: boolean;
}

export interface ComponentDeployments {
  component: ComponentRef & {
    project: string;
    displayName?: string;
    autoDeploy: boolean;
    /** What the current Workload declares, by name; deployed environments may run older ones. */
    endpoints: DeclaredEndpoint[];
  };
  pipeline: {
    name?: string;
    /** Environments in promotion order. */
    environments: string[];
    root?: string;
    problems: string[];
  };
  environments: EnvironmentDeployment[];
  /** Newest first. */
  releases: ReleaseSummary[];
}

export interface ComponentReleases {
  items: ReleaseSummary[];
}
