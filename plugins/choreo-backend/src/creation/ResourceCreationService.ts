import { InputError } from '@backstage/errors';
import {
  AddDependencyRequest,
  ChoreoResource,
  ComponentRef,
  CreateComponentRequest,
  CreateEnvironmentRequest,
  CreatePipelineRequest,
  CreateProjectRequest,
  CreateResponse,
  ApprovalSettings,
  ChoreoPermission,
  ChoreoResourceScope,
  DEFAULT_DEPLOYMENT_PIPELINE,
  DEFAULT_PROJECT_TYPE,
  PromotionGraph,
  buildPromotionGraph,
  choreoComponentCreatePermission,
  choreoComponentEntityRef,
  choreoEnvironmentCreatePermission,
  choreoPipelineCreatePermission,
  choreoProjectCreatePermission,
  choreoWorkloadUpdatePermission,
  environmentNeedsApproval,
  gatedFirstEnvironmentProblem,
  componentManifests,
  environmentManifest,
  pipelineEnvironments,
  pipelineManifest,
  projectBindingManifests,
  projectManifest,
  resourceKeyString,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  ChoreoStoreService,
} from '@choreo-for-backstage/plugin-choreo-node';
import { AuditContext, audited } from '../audit/AuditedAction';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { projectPipeline } from '../deployments/ComponentContext';
import { componentScope } from '../permissions/scopes';
import { Caller, actorOf } from '../shared/caller';
import { checkComponentRequest } from './ResourceCreationComponentChecks';
import {
  checkDependency,
  requireDataPlane,
  requireEnvironments,
  requireNamespace,
  requirePipeline,
  requireProject,
  requireProjectType,
} from './ResourceCreationChecks';
import { dependencyChange } from './ResourceCreationDependency';
import { planWrites, writeAllOrNothing } from './ResourceCreationWrites';

export interface ResourceCreationServiceOptions {
  store: ChoreoStoreReader & Pick<ChoreoStoreService, 'writerFor'>;
  authorizer: ChoreoAuthorizer;
  audit: AuditContext;
  approvals: ApprovalSettings;
}

/** The catalog System a Choreo project becomes, for the audit target. */
const systemEntityRef = (namespace: string, project: string) =>
  `system:${namespace}/${project}`;

export interface CreateOptions {
  dryRun?: boolean;
}

/** What one create does, before it is done. */
interface Creation {
  action: string;
  namespace: string;
  /** The audit target: an entity ref where the resource becomes one. */
  target: string;
  check: { permission: ChoreoPermission; scope: ChoreoResourceScope };
  doWhat: string;
  details: Record<string, unknown>;
  /**
   * Validates against the store and answers the manifests to write, in order.
   * `update` marks an intended change of an existing resource (adding a
   * dependency): it is not checked for conflicts, and `unchanged` says
   * whether there is anything to write.
   */
  build: () => {
    manifests: ChoreoResource[];
    warnings: string[];
    update?: { unchanged: boolean };
  };
}

/**
 * Creates projects, components, environments and pipelines, and adds
 * dependencies, for the frontend and the scaffolder actions alike. Every
 * write is authorized with the caller's credentials, validated against the
 * store, written through the namespace's ChoreoWriter (all or nothing) and
 * audited. A dry run validates and answers the manifests, writing nothing.
 */
export class ResourceCreationService {
  constructor(private readonly options: ResourceCreationServiceOptions) {}

  createProject(
    namespace: string,
    request: CreateProjectRequest,
    caller: Caller,
    options: CreateOptions = {},
  ): Promise<CreateResponse> {
    return this.run(
      {
        action: 'project.create',
        namespace,
        target: systemEntityRef(namespace, request.name),
        check: {
          permission: choreoProjectCreatePermission,
          scope: { namespace },
        },
        doWhat: `create project ${request.name} in ${namespace}`,
        details: { ...request },
        build: () => {
          const { store } = this.options;
          const pipelineName =
            request.deploymentPipeline ?? DEFAULT_DEPLOYMENT_PIPELINE;
          const pipeline = requirePipeline(store, namespace, pipelineName);
          requireProjectType(
            store,
            namespace,
            request.projectType ?? DEFAULT_PROJECT_TYPE,
          );
          const { environments } = buildPromotionGraph(pipeline);
          const warnings = environments.length
            ? []
            : [
                `Deployment pipeline '${pipelineName}' has no environments, so the project has no cells yet`,
              ];
          return {
            manifests: [
              projectManifest(namespace, request),
              ...projectBindingManifests(namespace, request.name, environments),
            ],
            warnings,
          };
        },
      },
      caller,
      options,
    );
  }

  createComponent(
    namespace: string,
    request: CreateComponentRequest,
    caller: Caller,
    options: CreateOptions = {},
  ): Promise<CreateResponse> {
    const { componentType } = request;
    // the permission is decided on the project: it must exist to ask
    requireNamespace(this.options.store, namespace);
    requireProject(this.options.store, namespace, request.project);
    return this.run(
      {
        action: 'component.create',
        namespace,
        target: choreoComponentEntityRef({ namespace, name: request.name }),
        check: {
          permission: choreoComponentCreatePermission,
          scope: {
            namespace,
            project: request.project,
            // as OpenChoreo's conditions name it: cluster types bare, others namespace/name
            componentType:
              componentType.kind === 'ClusterComponentType'
                ? componentType.name
                : `${namespace}/${componentType.name}`,
          },
        },
        doWhat: `create component ${request.name} in ${namespace}/${request.project}`,
        details: { ...request },
        build: () => {
          const { store } = this.options;
          const project = requireProject(store, namespace, request.project);
          if (request.autoDeploy) {
            this.refuseGatedFirstEnvironment(
              namespace,
              projectPipeline(store, namespace, project),
            );
          }
          const checked = checkComponentRequest(store, namespace, request);
          const own = { project: request.project, component: request.name };
          (request.dependencies ?? []).forEach((d, i) =>
            checkDependency(store, namespace, own, d, `dependencies.${i}`),
          );
          const { component, workload } = componentManifests(
            namespace,
            request,
            checked,
          );
          return {
            manifests: workload ? [component, workload] : [component],
            warnings: workload
              ? []
              : [
                  `${namespace}/${request.name} has no Workload until its first build publishes one; trigger a build to deploy it`,
                ],
          };
        },
      },
      caller,
      options,
    );
  }

  createEnvironment(
    namespace: string,
    request: CreateEnvironmentRequest,
    caller: Caller,
    options: CreateOptions = {},
  ): Promise<CreateResponse> {
    const manifest = () => environmentManifest(namespace, request);
    return this.run(
      {
        action: 'environment.create',
        namespace,
        target: resourceKeyString({
          kind: 'Environment',
          namespace,
          name: request.name,
        }),
        check: {
          permission: choreoEnvironmentCreatePermission,
          scope: { namespace },
        },
        doWhat: `create environment ${request.name} in ${namespace}`,
        details: { ...request },
        build: () => {
          requireDataPlane(this.options.store, namespace, request.dataPlaneRef);
          return { manifests: [manifest()], warnings: [] };
        },
      },
      caller,
      options,
    );
  }

  createPipeline(
    namespace: string,
    request: CreatePipelineRequest,
    caller: Caller,
    options: CreateOptions = {},
  ): Promise<CreateResponse> {
    return this.run(
      {
        action: 'pipeline.create',
        namespace,
        target: resourceKeyString({
          kind: 'DeploymentPipeline',
          namespace,
          name: request.name,
        }),
        check: {
          permission: choreoPipelineCreatePermission,
          scope: { namespace },
        },
        doWhat: `create deployment pipeline ${request.name} in ${namespace}`,
        details: { ...request },
        build: () => {
          requireEnvironments(
            this.options.store,
            namespace,
            pipelineEnvironments(request),
          );
          const manifest = pipelineManifest(namespace, request);
          const graph = buildPromotionGraph(manifest);
          const cycle = graph.problems.find(p => p.code === 'cycle');
          if (cycle) {
            throw new InputError(`promotionPaths: ${cycle.message}`);
          }
          this.refuseGatedFirstEnvironment(namespace, graph);
          return {
            manifests: [manifest],
            warnings: graph.problems.map(p => p.message),
          };
        },
      },
      caller,
      options,
    );
  }

  /** Adds an endpoint dependency to the component's Workload. */
  addDependency(
    ref: ComponentRef,
    request: AddDependencyRequest,
    caller: Caller,
    options: CreateOptions = {},
  ): Promise<CreateResponse> {
    const target = choreoComponentEntityRef(ref);
    return this.run(
      {
        action: 'component.dependency.add',
        namespace: ref.namespace,
        target,
        check: {
          permission: choreoWorkloadUpdatePermission,
          scope: componentScope(this.options.store, ref),
        },
        doWhat: `add a dependency to ${ref.namespace}/${ref.name}`,
        details: { ...request },
        build: () => dependencyChange(this.options.store, ref, request),
      },
      caller,
      options,
    );
  }

  /**
   * A pipeline whose first environment needs approval would let autoDeploy
   * put every build there unapproved: refused, with the reason.
   */
  private refuseGatedFirstEnvironment(
    namespace: string,
    graph: PromotionGraph,
  ) {
    const problem = gatedFirstEnvironmentProblem(graph, env =>
      environmentNeedsApproval(
        this.options.approvals,
        env,
        this.options.store.get('Environment', env, namespace),
      ),
    );
    if (problem) throw new InputError(problem);
  }

  /**
   * Real writes are audited (refusals and failures too) and authorized first;
   * a dry run is authorized (so the caller learns early) but not audited.
   */
  private async run(
    creation: Creation,
    caller: Caller,
    options: CreateOptions,
  ): Promise<CreateResponse> {
    const dryRun = options.dryRun === true;
    const go = async () => {
      requireNamespace(this.options.store, creation.namespace);
      await this.options.authorizer.authorize(
        caller.credentials,
        creation.check.permission,
        creation.check.scope,
        creation.doWhat,
      );
      const { manifests, warnings, update } = creation.build();
      const plan = update
        ? manifests.map(manifest => ({ manifest, ...update }))
        : planWrites(this.options.store, manifests);
      const writer = this.options.store.writerFor(creation.namespace);
      const what =
        creation.doWhat.charAt(0).toUpperCase() + creation.doWhat.slice(1);
      const response = await writeAllOrNothing(writer, plan, {
        actor: actorOf(caller.credentials),
        message: what,
        dryRun,
        what: `Could not ${creation.doWhat}`,
      });
      creation.details.outcome = response.resources.map(
        r => `${r.kind} ${r.name}: ${r.action}`,
      );
      if (response.commit) creation.details.commit = response.commit;
      return { ...response, warnings };
    };
    if (dryRun) return go();
    return audited(
      this.options.audit,
      caller,
      {
        action: creation.action,
        target: creation.target,
        details: creation.details,
      },
      go,
    );
  }
}
