import {
  AccessOverview,
  AddDependencyRequest,
  AuditEntry,
  ChoreoSourceStatus,
  ComponentBuilds,
  ComponentDeployments,
  ComponentRef,
  ComponentReleases,
  CreateComponentRequest,
  CreateEnvironmentRequest,
  CreatePipelineRequest,
  CreateProjectRequest,
  CreateResponse,
  FlowSnapshot,
  ChangeRequest,
  ChangeRequestPage,
  ChangeRequestState,
  ChangeResponse,
  MutationResponse,
} from '../api';
import { CellLayoutGraph, CellLayoutResponse } from '../cellLayout';
import { CellTopology } from '../domain';
import { FlowRecord, FlowSourceStatus } from '../flows';
import { ChoreoClientOptions, ChoreoHttp, RequestOptions } from './ChoreoHttp';
import { ServerSentEvent } from './serverSentEvents';

export interface DryRunOptions extends RequestOptions {
  dryRun?: boolean;
}

/**
 * A change's `takeOver`: the user confirmed taking over fields another field
 * manager owns, after a 409 whose `error.code` is `FieldOwnership` named them.
 */
export type TakeOver = { takeOver?: boolean };

const seg = encodeURIComponent;
const component = (ref: ComponentRef) =>
  `/components/${seg(ref.namespace)}/${seg(ref.name)}`;
const projectPath = (ref: ProjectRef) =>
  `/projects/${seg(ref.namespace)}/${seg(ref.name)}`;

/** `?a=1&b=2` of the values that are set, or nothing. */
function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export interface ProjectRef {
  namespace: string;
  name: string;
}

export interface FlowStreamFilter {
  environment: string;
  verdict?: string;
  direction?: 'ingress' | 'egress';
  peer?: string;
}

/**
 * Typed client of the choreo backend (`/api/choreo`), used by the frontend
 * plugin and the scaffolder actions alike. Errors are ResponseErrors that
 * carry the backend's message (what is wrong and what to do).
 */
export class ChoreoClient {
  private readonly http: ChoreoHttp;

  constructor(options: ChoreoClientOptions) {
    this.http = new ChoreoHttp(options);
  }

  // Reads ---------------------------------------------------------------

  getDeployments(ref: ComponentRef, options?: RequestOptions) {
    return this.http.get<ComponentDeployments>(
      `${component(ref)}/deployments`,
      options,
    );
  }

  getReleases(ref: ComponentRef, options?: RequestOptions) {
    return this.http.get<ComponentReleases>(
      `${component(ref)}/releases`,
      options,
    );
  }

  getBuilds(ref: ComponentRef, options?: RequestOptions) {
    return this.http.get<ComponentBuilds>(`${component(ref)}/builds`, options);
  }

  /** Without an environment: the first of the project's pipeline (the answer names it). */
  getTopology(
    project: ProjectRef,
    environment?: string,
    options?: RequestOptions,
  ) {
    return this.http.get<CellTopology>(
      `${projectPath(project)}/topology${query({ environment })}`,
      options,
    );
  }

  /**
   * Positions for a cell diagram, laid out by the backend and kept there for
   * every user until the graph changes.
   */
  layoutCell(
    project: ProjectRef,
    graph: CellLayoutGraph,
    options?: RequestOptions,
  ) {
    return this.http.post<CellLayoutResponse>(
      `${projectPath(project)}/cell-layout`,
      graph,
      options,
    );
  }

  /**
   * The layout of the view the Cell tab opens with (openingViewOptions),
   * built by the backend from the same topology and traffic, so it can be
   * asked for with them. Use it only when its id is the view's own.
   */
  getOpeningCellLayout(
    project: ProjectRef,
    environment?: string,
    options?: RequestOptions,
  ) {
    return this.http.get<CellLayoutResponse>(
      `${projectPath(project)}/cell-layout${query({ environment })}`,
      options,
    );
  }

  /** Without an environment: the first of the project's pipeline. */
  getProjectFlows(
    project: ProjectRef,
    q: { environment?: string; window?: string },
    options?: RequestOptions,
  ) {
    return this.http.get<FlowSnapshot>(
      `${projectPath(project)}/flows${query(q)}`,
      options,
    );
  }

  getComponentFlows(
    ref: ComponentRef,
    q: { environment: string; window?: string },
    options?: RequestOptions,
  ) {
    return this.http.get<FlowSnapshot>(
      `${component(ref)}/flows${query(q)}`,
      options,
    );
  }

  /** Newest first, a page at a time; only requests of components the caller may read. */
  listChangeRequests(
    q: {
      component?: string;
      state?: ChangeRequestState;
      /** Only requests still open (pending or applying). */
      open?: boolean;
      limit?: number;
      cursor?: string;
    } = {},
    options?: RequestOptions,
  ) {
    return this.http.get<ChangeRequestPage>(
      `/change-requests${query({ ...q, open: q.open ? 'true' : undefined })}`,
      options,
    );
  }

  listAudit(
    q: {
      target?: string;
      actor?: string;
      action?: string;
      limit?: number;
    } = {},
    options?: RequestOptions,
  ) {
    return this.http.get<{ items: AuditEntry[] }>(`/audit${query(q)}`, options);
  }

  /** OpenChoreo's roles and bindings the portal decides with. */
  getAccess(options?: RequestOptions) {
    return this.http.get<AccessOverview>('/access', options);
  }

  getSources(options?: RequestOptions) {
    return this.http.get<{ items: ChoreoSourceStatus[] }>('/sources', options);
  }

  /** The network flow source (Hubble); 503 when none is configured. */
  getFlowSourceStatus(options?: RequestOptions) {
    return this.http.get<FlowSourceStatus>('/flows/status', options);
  }

  // Changes to what runs in an environment ------------------------------
  // Each answers 200 with the write, or 202 with a change request waiting
  // for someone else's approval. `idempotencyKey` makes a retry safe.

  promote(
    ref: ComponentRef,
    body: { from: string; to: string } & TakeOver,
    options?: RequestOptions,
  ) {
    return this.http.post<ChangeResponse>(
      `${component(ref)}/promote`,
      body,
      options,
    );
  }

  rollback(
    ref: ComponentRef,
    body: { environment: string; releaseName: string } & TakeOver,
    options?: RequestOptions,
  ) {
    return this.http.post<ChangeResponse>(
      `${component(ref)}/rollback`,
      body,
      options,
    );
  }

  setDeployed(
    ref: ComponentRef,
    body: { environment: string; deployed: boolean } & TakeOver,
    options?: RequestOptions,
  ) {
    const path = body.deployed ? 'redeploy' : 'undeploy';
    return this.http.post<ChangeResponse>(
      `${component(ref)}/${path}`,
      {
        environment: body.environment,
        ...(body.takeOver ? { takeOver: true } : {}),
      },
      options,
    );
  }

  restart(
    ref: ComponentRef,
    body: { environment: string } & TakeOver,
    options?: RequestOptions,
  ) {
    return this.http.post<ChangeResponse>(
      `${component(ref)}/restart`,
      body,
      options,
    );
  }

  /**
   * Approve (applies the change), reject, or withdraw (the requester's own)
   * a change request.
   */
  decideChangeRequest(
    id: string,
    decision: 'approve' | 'reject' | 'withdraw',
    /** `takeOver` (approve only): the approver confirmed taking fields another manager owns. */
    body: { comment?: string } & TakeOver = {},
    options?: RequestOptions,
  ) {
    return this.http.post<{
      request: ChangeRequest;
      mutation?: MutationResponse;
    }>(`/change-requests/${encodeURIComponent(id)}/${decision}`, body, options);
  }

  triggerBuild(
    ref: ComponentRef,
    body: { commit?: string } = {},
    options?: RequestOptions,
  ) {
    return this.http.post<MutationResponse>(
      `${component(ref)}/builds`,
      body,
      options,
    );
  }

  // Creating resources (see api/resources.ts) ----------------------------

  createProject(
    namespace: string,
    body: CreateProjectRequest,
    options?: DryRunOptions,
  ) {
    return this.create(`/namespaces/${seg(namespace)}/projects`, body, options);
  }

  createComponent(
    namespace: string,
    body: CreateComponentRequest,
    options?: DryRunOptions,
  ) {
    return this.create(
      `/namespaces/${seg(namespace)}/components`,
      body,
      options,
    );
  }

  createEnvironment(
    namespace: string,
    body: CreateEnvironmentRequest,
    options?: DryRunOptions,
  ) {
    return this.create(
      `/namespaces/${seg(namespace)}/environments`,
      body,
      options,
    );
  }

  createPipeline(
    namespace: string,
    body: CreatePipelineRequest,
    options?: DryRunOptions,
  ) {
    return this.create(
      `/namespaces/${seg(namespace)}/pipelines`,
      body,
      options,
    );
  }

  addDependency(
    ref: ComponentRef,
    body: AddDependencyRequest,
    options?: DryRunOptions,
  ) {
    return this.create(`${component(ref)}/dependencies`, body, options);
  }

  // Streams -------------------------------------------------------------

  /** `line` events (strings), then one `end` event. Live while the run goes on. */
  streamBuildLogs(
    ref: ComponentRef,
    run: string,
    q: { task?: string; follow?: boolean } = {},
    options?: RequestOptions,
  ): AsyncGenerator<ServerSentEvent> {
    const follow = q.follow === undefined ? undefined : String(q.follow);
    return this.http.stream(
      `${component(ref)}/builds/${seg(run)}/logs${query({
        task: q.task,
        follow,
      })}`,
      options,
    );
  }

  /** `flow` events (FlowRecord), `lost` events and one `end` event. */
  streamProjectFlows(
    project: ProjectRef,
    filter: FlowStreamFilter,
    options?: RequestOptions,
  ): AsyncGenerator<
    ServerSentEvent<FlowRecord | { count: number } | { reason: string }>
  > {
    return this.http.stream(
      `${projectPath(project)}/flows/stream${query({ ...filter })}`,
      options,
    );
  }

  streamComponentFlows(
    ref: ComponentRef,
    filter: FlowStreamFilter,
    options?: RequestOptions,
  ): AsyncGenerator<
    ServerSentEvent<FlowRecord | { count: number } | { reason: string }>
  > {
    return this.http.stream(
      `${component(ref)}/flows/stream${query({ ...filter })}`,
      options,
    );
  }

  // Plumbing --------------------------------------------------------------

  private create(path: string, body: unknown, options?: DryRunOptions) {
    const dryRun = options?.dryRun ? '?dryRun=true' : '';
    return this.http.post<CreateResponse>(`${path}${dryRun}`, body, options);
  }
}
