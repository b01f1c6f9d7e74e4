import { cellNamespaceName } from '@choreo-for-backstage/plugin-choreo-common';
import type {
  Condition,
  GatewaySpec,
  JsonObject,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Organization, condition } from './organization';

// Condition reasons OpenChoreo v1.2 writes on a ReleaseBinding (internal/controller/releasebinding).
const RELEASE_BINDING_REASONS: Record<string, string[]> = {
  ReleaseSynced: [
    'ReleaseCreated',
    'ReleaseSynced',
    'ComponentReleaseNotFound',
    'EnvironmentNotFound',
    'DataPlaneNotFound',
    'DataPlaneNotConfigured',
    'ComponentNotFound',
    'ProjectNotFound',
    'InvalidReleaseConfiguration',
    'RenderingFailed',
    'ReleaseOwnershipConflict',
    'ReleaseUpdateFailed',
    'ReleaseDeletionFailed',
    'ResourcesUndeployed',
  ],
  ResourcesReady: [
    'ResourcesReady',
    'ResourcesProgressing',
    'ResourcesDegraded',
    'ResourcesNotReady',
    'ResourcesUnknown',
    'ResourceApplyFailed',
    'ResourcesUndeployed',
    'JobCompleted',
    'JobRunning',
    'JobFailed',
    'CronJobScheduled',
    'CronJobSuspended',
  ],
  ConnectionsResolved: [
    'AllConnectionsResolved',
    'ConnectionsPending',
    'NoConnections',
  ],
  ResourceDependenciesReady: [
    'AllResourceDependenciesReady',
    'ResourceDependenciesPending',
    'NoResourceDependencies',
  ],
};
const SUB_CONDITIONS = [
  'ReleaseSynced',
  'ConnectionsResolved',
  'ResourceDependenciesReady',
  'ResourcesReady',
];

function conditionProblems(
  at: string,
  status: { conditions?: Condition[] } | undefined,
): string[] {
  const p: string[] = [];
  for (const [type, reasons] of Object.entries(RELEASE_BINDING_REASONS)) {
    const c = condition(status, type);
    if (c && !reasons.includes(c.reason ?? ''))
      p.push(
        `${at}: ${type} has reason ${c.reason}, which OpenChoreo does not write`,
      );
  }
  const ready = condition(status, 'Ready');
  if (
    !ready ||
    !condition(status, 'ReleaseSynced') ||
    !condition(status, 'ResourcesReady')
  ) {
    return [
      ...p,
      `${at}: needs Ready, ReleaseSynced and ResourcesReady conditions`,
    ];
  }
  // Ready mirrors the sub-conditions (ReleaseBinding controller, setReadyCondition): True only when all
  // present ones are True, else it copies the reason of the first failing one in priority order.
  const failing = SUB_CONDITIONS.map(t => condition(status, t)).find(
    c => c && c.status !== 'True',
  );
  if ((ready.status === 'True') !== !failing)
    p.push(`${at}: Ready=${ready.status} contradicts the sub-conditions`);
  if (failing && ready.reason !== failing.reason)
    p.push(
      `${at}: Ready should copy reason ${failing.reason} from ${failing.type}`,
    );
  return p;
}

const ROUTABLE = ['HTTP', 'GraphQL', 'Websocket'];

/** ReleaseBinding statuses agree with their release, environment, gateway and cell namespace. */
export function releaseBindingStatusProblems(
  org: Organization,
  cpNamespace: string,
): string[] {
  const p: string[] = [];
  const dataPlaneGateway = (name: string | undefined) =>
    org.find('DataPlane', name ?? 'default')?.spec.gateway;
  for (const { at, object: binding } of org.all('ReleaseBinding')) {
    const { projectName, componentName } = binding.spec.owner;
    const env = binding.spec.environment;
    const status = binding.status;
    p.push(...conditionProblems(at, status));
    const workload = org.boundWorkload(componentName, env);
    if (!workload) continue; // reported by referenceProblems
    const environment = org.find('Environment', env);
    const gateway: GatewaySpec | undefined =
      environment?.spec.gateway ??
      dataPlaneGateway(environment?.spec.dataPlaneRef?.name);
    const cell = cellNamespaceName(cpNamespace, projectName, env);

    const declared = Object.entries(workload.endpoints ?? {});
    const reported = new Map((status?.endpoints ?? []).map(e => [e.name, e]));
    if (
      declared.length !== reported.size ||
      declared.some(([n]) => !reported.has(n))
    ) {
      p.push(
        `${at}: status.endpoints [${[
          ...reported.keys(),
        ]}] should list the release's endpoints [${declared.map(([n]) => n)}]`,
      );
    }
    for (const [name, ep] of declared) {
      const st = reported.get(name);
      if (!st) continue;
      const service = `${componentName}.${cell}.svc.cluster.local`;
      if (st.serviceURL?.host !== service || st.serviceURL.port !== ep.port) {
        p.push(
          `${at}: endpoint ${name} serviceURL should be ${service}:${ep.port}`,
        );
      }
      for (const visibility of ['external', 'internal'] as const) {
        const urls =
          visibility === 'external' ? st.externalURLs : st.internalURLs;
        const expected =
          ROUTABLE.includes(ep.type) &&
          (ep.visibility ?? []).includes(visibility);
        if (expected !== Boolean(urls)) {
          p.push(
            `${at}: endpoint ${name} ${
              expected ? 'lacks' : 'should not have'
            } ${visibility}URLs`,
          );
        }
        const listeners = gateway?.ingress?.[visibility];
        for (const [listener, url] of Object.entries(urls ?? {})) {
          const host = listeners?.[listener as 'http' | 'https' | 'tls']?.host;
          if (!host || !url.host.endsWith(`.${host}`)) {
            p.push(
              `${at}: endpoint ${name} ${visibility}URLs.${listener} host ${url.host} is not under the gateway listener host ${host}`,
            );
          }
        }
      }
    }

    const deps = workload.dependencies?.endpoints ?? [];
    const resolved = status?.resolvedConnections ?? [];
    if ((status?.connectionTargets ?? []).length !== deps.length)
      p.push(
        `${at}: connectionTargets should list the ${deps.length} dependencies`,
      );
    for (const dep of deps) {
      const project = dep.project ?? projectName;
      const r = resolved.find(
        c => c.component === dep.component && c.endpoint === dep.name,
      );
      const host = `${dep.component}.${cellNamespaceName(
        cpNamespace,
        project,
        env,
      )}.svc.cluster.local`;
      if (!r) {
        if (
          !(status?.pendingConnections ?? []).some(
            c => c.component === dep.component,
          )
        ) {
          p.push(
            `${at}: dependency ${dep.component}.${dep.name} is neither resolved nor pending`,
          );
        }
      } else if (r.url.host !== host || r.project !== project) {
        p.push(
          `${at}: dependency ${dep.component}.${dep.name} should resolve to ${host}`,
        );
      } else if (
        !org.boundWorkload(dep.component, env)?.endpoints?.[dep.name]
      ) {
        p.push(
          `${at}: dependency ${dep.component}.${dep.name} is resolved but nothing serves it in ${env}`,
        );
      }
    }
    for (const secret of status?.secretReferenceNames ?? []) {
      if (!org.find('SecretReference', secret))
        p.push(`${at}: secretReferenceNames lists missing ${secret}`);
    }
  }
  return p;
}

/** Paths (dotted) of the properties carrying `marker` in a parameters schema. */
export function markedPaths(
  schema: JsonObject | undefined,
  marker: string,
  prefix = '',
): string[] {
  const props = (schema?.properties ?? {}) as Record<string, JsonObject>;
  return Object.entries(props).flatMap(([key, sub]) => [
    ...(sub[marker] === true ? [`${prefix}${key}`] : []),
    ...markedPaths(sub, marker, `${prefix}${key}.`),
  ]);
}

const valueAt = (obj: unknown, dotted: string) =>
  dotted
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as JsonObject)[k] : undefined),
      obj,
    );

/** Components give the repository URL, branch and app path where the workflow's markers say. */
export function repositoryParameterProblems(org: Organization): string[] {
  const p: string[] = [];
  for (const { at, object: component } of org.all('Component')) {
    const wf = component.spec.workflow;
    const schema = org.find('ClusterWorkflow', wf?.name)?.spec.parameters
      ?.openAPIV3Schema;
    for (const field of ['url', 'branch', 'app-path']) {
      const paths = markedPaths(
        schema,
        `x-openchoreo-component-parameter-repository-${field}`,
      );
      if (paths.length !== 1) {
        p.push(
          `${at}: workflow ${wf?.name} should mark exactly one repository ${field} parameter, found ${paths.length}`,
        );
      } else if (typeof valueAt(wf?.parameters, paths[0]) !== 'string') {
        p.push(
          `${at}: spec.workflow.parameters.${paths[0]} (repository ${field}) is missing`,
        );
      }
    }
  }
  return p;
}
