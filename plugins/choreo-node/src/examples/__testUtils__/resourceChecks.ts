import { isDeepStrictEqual } from 'node:util';
import type {
  ResourceTypeSpec,
  WorkloadTemplateSpec,
} from '@choreo-for-backstage/plugin-choreo-common';
import { resourceTypeKindOf } from '@choreo-for-backstage/plugin-choreo-common';
import { Organization, condition } from './organization';

// What the ResourceReleaseBinding controller of v1.2.3 writes: Ready is True only when
// these three are, else it copies the reason of the first one that is not.
const RRB_SUB_CONDITIONS = ['Synced', 'ResourcesReady', 'OutputsResolved'];

function typeSpecOf(
  org: Organization,
  kind: 'ResourceType' | 'ClusterResourceType',
  name: string,
): ResourceTypeSpec | undefined {
  return org.find(kind, name)?.spec;
}

/** A workload's resource dependencies name resources of its project and outputs of their type. */
function consumerProblems(
  org: Organization,
  at: string,
  project: string,
  workload: WorkloadTemplateSpec,
): string[] {
  const p: string[] = [];
  for (const dep of workload.dependencies?.resources ?? []) {
    const resource = org.find('Resource', dep.ref);
    if (!resource || resource.spec.owner.projectName !== project) {
      p.push(
        `${at}: resource dependency ${dep.ref}: no such Resource in project ${project}`,
      );
      continue;
    }
    const type = typeSpecOf(
      org,
      resourceTypeKindOf(resource),
      resource.spec.type.name,
    );
    const outputs = new Set((type?.outputs ?? []).map(o => o.name));
    for (const [what, bindings] of [
      ['envBindings', dep.envBindings],
      ['fileBindings', dep.fileBindings],
    ] as const) {
      for (const output of Object.keys(bindings ?? {})) {
        if (!outputs.has(output))
          p.push(
            `${at}: ${dep.ref}.${what}.${output}: ${resource.spec.type.name} has no output "${output}"`,
          );
      }
    }
  }
  return p;
}

/** Managed resources, their releases and bindings, and their consumers agree with each other. */
export function resourceProblems(org: Organization): string[] {
  const p: string[] = [];
  const envNames = new Set(
    org.all('Environment').map(e => e.object.metadata.name),
  );

  for (const { at, object: resource } of org.all('Resource')) {
    const name = resource.metadata.name;
    const project = resource.spec.owner.projectName;
    if (!org.find('Project', project))
      p.push(`${at}: project ${project} does not exist`);
    const kind = resourceTypeKindOf(resource);
    if (!typeSpecOf(org, kind, resource.spec.type.name))
      p.push(`${at}: type ${kind}/${resource.spec.type.name} does not exist`);
    const latest = org.find(
      'ResourceRelease',
      resource.status?.latestRelease?.name,
    );
    if (latest?.spec.owner.resourceName !== name)
      p.push(`${at}: status.latestRelease is not a ResourceRelease of ${name}`);
    else if (
      latest.metadata.name !== `${name}-${resource.status?.latestRelease?.hash}`
    )
      p.push(`${at}: the controller names the release ${name}-{hash}`);
    for (const env of envNames) {
      if (!org.find('ResourceReleaseBinding', `${name}-${env}`))
        p.push(`${at}: no ResourceReleaseBinding ${name}-${env}`);
    }
  }

  for (const { at, object: release } of org.all('ResourceRelease')) {
    const { projectName, resourceName } = release.spec.owner;
    const resource = org.find('Resource', resourceName);
    if (resource?.spec.owner.projectName !== projectName) {
      p.push(`${at}: owner ${projectName}/${resourceName} is not a Resource`);
      continue;
    }
    const { kind, name, spec } = release.spec.resourceType;
    if (
      kind !== resourceTypeKindOf(resource) ||
      name !== resource.spec.type.name
    )
      p.push(
        `${at}: snapshot of ${kind}/${name}, but the resource is of ${resource.spec.type.name}`,
      );
    // The only release is the latest one, so it must be an exact snapshot.
    if (
      resource.status?.latestRelease?.name === release.metadata.name &&
      !isDeepStrictEqual(spec, typeSpecOf(org, kind, name))
    )
      p.push(
        `${at}: the latest release's type snapshot differs from ${kind}/${name}`,
      );
    if (!isDeepStrictEqual(release.spec.parameters, resource.spec.parameters))
      p.push(`${at}: parameters differ from the Resource's`);
  }

  for (const { at, object: binding } of org.all('ResourceReleaseBinding')) {
    const { projectName, resourceName } = binding.spec.owner;
    const env = binding.spec.environment;
    if (
      org.find('Resource', resourceName)?.spec.owner.projectName !== projectName
    )
      p.push(`${at}: owner ${projectName}/${resourceName} is not a Resource`);
    if (!envNames.has(env)) p.push(`${at}: environment ${env} does not exist`);
    if (binding.metadata.name !== `${resourceName}-${env}`)
      p.push(`${at}: should be named ${resourceName}-${env}`);
    const release = org.find('ResourceRelease', binding.spec.resourceRelease);
    if (release?.spec.owner.resourceName !== resourceName) {
      p.push(
        `${at}: resourceRelease ${binding.spec.resourceRelease} is not a ResourceRelease of ${resourceName}`,
      );
      continue;
    }
    const status = binding.status;
    const ready = condition(status, 'Ready');
    const failing = RRB_SUB_CONDITIONS.map(t => condition(status, t)).find(
      c => !c || c.status !== 'True',
    );
    if (!ready) p.push(`${at}: no Ready condition`);
    else if ((ready.status === 'True') !== !failing)
      p.push(
        `${at}: Ready=${ready.status} contradicts Synced, ResourcesReady and OutputsResolved`,
      );
    const declared = (release.spec.resourceType.spec.outputs ?? []).map(
      o => o.name,
    );
    const reported = status?.outputs ?? [];
    if (
      condition(status, 'OutputsResolved')?.status === 'True' &&
      !isDeepStrictEqual(
        reported.map(o => o.name),
        declared,
      )
    )
      p.push(
        `${at}: status.outputs [${reported.map(
          o => o.name,
        )}] should be the type's [${declared}]`,
      );
    for (const output of reported) {
      const kinds = ['value', 'secretKeyRef', 'configMapKeyRef'].filter(
        k => output[k as keyof typeof output] !== undefined,
      );
      const secret = release.spec.resourceType.spec.outputs?.find(
        o => o.name === output.name,
      )?.secretKeyRef;
      if (kinds.length !== 1)
        p.push(
          `${at}: output ${output.name} needs exactly one of value, secretKeyRef, configMapKeyRef`,
        );
      else if (secret && !output.secretKeyRef)
        p.push(
          `${at}: output ${output.name} is a secret and may only be a secretKeyRef`,
        );
      if (output.value?.includes('${'))
        p.push(
          `${at}: output ${output.name} still holds an unevaluated expression`,
        );
    }
  }

  for (const { at, object: workload } of org.all('Workload'))
    p.push(
      ...consumerProblems(
        org,
        at,
        workload.spec.owner.projectName,
        workload.spec,
      ),
    );
  for (const { at, object: release } of org.all('ComponentRelease'))
    p.push(
      ...consumerProblems(
        org,
        at,
        release.spec.owner.projectName,
        release.spec.workload,
      ),
    );

  for (const { at, object: binding } of org.all('ReleaseBinding')) {
    const { projectName, componentName } = binding.spec.owner;
    const env = binding.spec.environment;
    const deps =
      org.boundWorkload(componentName, env)?.dependencies?.resources ?? [];
    const targets = binding.status?.resourceDependencyTargets ?? [];
    const expected = deps.map(d => ({
      namespace: binding.metadata.namespace,
      project: projectName,
      resourceName: d.ref,
      environment: env,
    }));
    if (!isDeepStrictEqual(targets, expected))
      p.push(
        `${at}: resourceDependencyTargets should be [${deps.map(
          d => d.ref,
        )}] in ${env}`,
      );
    const dependencies = condition(binding.status, 'ResourceDependenciesReady');
    if (
      deps.length > 0 &&
      dependencies?.reason !== 'AllResourceDependenciesReady' &&
      !binding.status?.pendingResourceDependencies?.length
    )
      p.push(
        `${at}: ResourceDependenciesReady should say all ${deps.length} are resolved`,
      );
    for (const dep of deps) {
      const rrb = org.find('ResourceReleaseBinding', `${dep.ref}-${env}`);
      if (
        condition(rrb?.status, 'Ready')?.status !== 'True' &&
        !binding.status?.pendingResourceDependencies?.some(
          d => d.resourceName === dep.ref,
        )
      )
        p.push(
          `${at}: uses ${dep.ref}, which is not ready in ${env}, yet nothing is pending`,
        );
    }
  }
  return p;
}
