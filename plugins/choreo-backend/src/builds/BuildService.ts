import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError, assertError } from '@backstage/errors';
import {
  BuildSummary,
  BuildTriggerState,
  CHOREO_API_VERSION,
  CHOREO_LABELS,
  ComponentRef,
  JsonObject,
  MutationResponse,
  WorkflowRun,
  choreoBuildTriggerPermission,
  choreoComponentEntityRef,
  summarizeWorkflowRun,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  ChoreoStoreService,
} from '@choreo-for-backstage/plugin-choreo-node';
import { AuditContext, audited } from '../audit/AuditedAction';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { componentScope, requireComponent } from '../permissions/scopes';
import { Caller, actorOf } from '../shared/caller';
import {
  readParameter,
  repositoryParameterPath,
  withParameter,
} from './repositoryParameters';

const seconds = (from?: string, to?: string) => {
  const ms = Date.parse(to ?? '') - Date.parse(from ?? '');
  return Number.isNaN(ms) ? undefined : Math.max(0, Math.round(ms / 1000));
};
const text = (value: unknown) =>
  typeof value === 'string' && value ? value : undefined;

/** Builds of a component (WorkflowRuns from the store) and triggering new ones. */
export class BuildService {
  constructor(
    private readonly options: {
      store: ChoreoStoreReader & Pick<ChoreoStoreService, 'writerFor'>;
      authorizer: ChoreoAuthorizer;
      audit: AuditContext;
    },
  ) {}

  /** Newest first. */
  builds(ref: ComponentRef): BuildSummary[] {
    const component = requireComponent(this.options.store, ref);
    const project = component.spec.owner?.projectName;
    return this.options.store
      .list('WorkflowRun', { namespace: ref.namespace, component: ref.name })
      .filter(run => run.metadata.labels?.[CHOREO_LABELS.project] === project)
      .map(run => this.summary(run))
      .sort(
        (a, b) =>
          (Date.parse(b.createdAt ?? '') || 0) -
            (Date.parse(a.createdAt ?? '') || 0) ||
          b.name.localeCompare(a.name),
      );
  }

  /**
   * Whether a build started now would run. A WorkflowRun written where no
   * OpenChoreo controller sees it (a local directory) would wait forever,
   * so the answer says what is missing and which configuration connects it.
   */
  triggerState(ref: ComponentRef): BuildTriggerState {
    const component = requireComponent(this.options.store, ref);
    const what = `${ref.namespace}/${ref.name}`;
    if (!component.spec.workflow?.name) {
      return {
        possible: false,
        reason: `${what} has no build workflow (spec.workflow): it is deployed from an image`,
      };
    }
    let reach;
    try {
      reach = this.options.store.writerFor(ref.namespace).reach;
    } catch (error) {
      assertError(error);
      return { possible: false, reason: error.message };
    }
    if (!reach.controlPlane) {
      return {
        possible: false,
        reason: `A build of ${what} would never run: organisation '${ref.namespace}' is written to ${reach.description}, so no OpenChoreo controller sees the WorkflowRun. Connect a control plane with a workflow plane: a choreo.sources entry of type 'kubernetes', or choreo.sources[].git.remote for a GitOps repository that Flux or Argo CD applies.`,
      };
    }
    return { possible: true };
  }

  /** One run of the component; NotFoundError when it is not one of its builds. */
  run(ref: ComponentRef, name: string): WorkflowRun {
    const component = requireComponent(this.options.store, ref);
    const run = this.options.store.get('WorkflowRun', name, ref.namespace);
    const labels = run?.metadata.labels ?? {};
    if (
      !run ||
      labels[CHOREO_LABELS.component] !== ref.name ||
      labels[CHOREO_LABELS.project] !== component.spec.owner?.projectName
    ) {
      throw new NotFoundError(
        `Build '${name}' of ${ref.namespace}/${ref.name} not found`,
      );
    }
    return run;
  }

  /** Creates a WorkflowRun with the component's workflow, optionally at one commit. */
  async trigger(
    ref: ComponentRef,
    input: { commit?: string },
    caller: Caller,
  ): Promise<MutationResponse & { build: string }> {
    const name = `${ref.name}-run-${randomBytes(4).toString('hex')}`;
    const details = { build: name, commit: input.commit };
    return audited(
      this.options.audit,
      caller,
      {
        action: 'build.trigger',
        target: choreoComponentEntityRef(ref),
        details,
      },
      async () => {
        const doWhat = `build ${ref.namespace}/${ref.name}`;
        await this.options.authorizer.authorize(
          caller.credentials,
          choreoBuildTriggerPermission,
          componentScope(this.options.store, ref),
          doWhat,
        );
        const state = this.triggerState(ref);
        if (!state.possible) {
          throw new ConflictError(state.reason);
        }
        const component = requireComponent(this.options.store, ref);
        const workflow = component.spec.workflow!;
        const kind = workflow.kind ?? 'ClusterWorkflow';
        let parameters = workflow.parameters;
        if (input.commit) {
          const path = repositoryParameterPath(
            this.schemaOf(kind, workflow.name, ref.namespace),
            'commit',
          );
          parameters = withParameter(parameters, path, input.commit);
        }
        const run: WorkflowRun = {
          apiVersion: CHOREO_API_VERSION,
          kind: 'WorkflowRun',
          metadata: {
            name,
            namespace: ref.namespace,
            labels: {
              [CHOREO_LABELS.project]: component.spec.owner.projectName,
              [CHOREO_LABELS.component]: ref.name,
            },
          },
          spec: {
            workflow: {
              kind,
              name: workflow.name,
              ...(parameters ? { parameters } : {}),
            },
          },
        };
        const result = await this.options.store
          .writerFor(ref.namespace)
          .apply(run, {
            actor: actorOf(caller.credentials),
            message: `Build ${ref.namespace}/${ref.name}`,
          });
        return {
          result: 'applied',
          action: result.action === 'deleted' ? 'updated' : result.action,
          resource: { kind: 'WorkflowRun', namespace: ref.namespace, name },
          warnings: [],
          commit: result.commit,
          build: name,
        };
      },
    );
  }

  private schemaOf(
    kind: string,
    name: string,
    namespace: string,
  ): JsonObject | undefined {
    const workflow =
      kind === 'Workflow'
        ? this.options.store.get('Workflow', name, namespace)
        : this.options.store.get('ClusterWorkflow', name);
    return workflow?.spec?.parameters?.openAPIV3Schema;
  }

  private summary(run: WorkflowRun): BuildSummary {
    const kind = run.spec.workflow?.kind ?? 'ClusterWorkflow';
    const schema = this.schemaOf(
      kind,
      run.spec.workflow?.name,
      run.metadata.namespace ?? '',
    );
    const parameters = run.spec.workflow?.parameters;
    return {
      name: run.metadata.name,
      namespace: run.metadata.namespace ?? '',
      workflow: run.spec.workflow?.name,
      createdAt: run.metadata.creationTimestamp,
      startedAt: run.status?.startedAt,
      completedAt: run.status?.completedAt,
      durationSeconds: seconds(run.status?.startedAt, run.status?.completedAt),
      status: summarizeWorkflowRun(run),
      commit: text(
        readParameter(parameters, repositoryParameterPath(schema, 'commit')),
      ),
      branch: text(
        readParameter(parameters, repositoryParameterPath(schema, 'branch')),
      ),
      tasks: (run.status?.tasks ?? []).map(task => ({
        ...task,
        durationSeconds: seconds(task.startedAt, task.completedAt),
      })),
    };
  }
}
