import { cellNamespaceName } from '@choreo-for-backstage/plugin-choreo-common';
import type { WorkloadTemplateSpec } from '@choreo-for-backstage/plugin-choreo-common';
import { Organization, condition } from './organization';

const refName = (ref: { name: string } | string) =>
  typeof ref === 'string' ? ref : ref.name;

/** Dependencies of a workload must point at an endpoint that admits the caller. */
function dependencyProblems(
  org: Organization,
  at: string,
  project: string,
  workload: WorkloadTemplateSpec,
): string[] {
  const problems: string[] = [];
  for (const dep of workload.dependencies?.endpoints ?? []) {
    const targetProject = dep.project ?? project;
    const target = org.find('Component', dep.component);
    const label = `dependency ${targetProject}/${dep.component}.${dep.name}`;
    if (!target || target.spec.owner.projectName !== targetProject) {
      problems.push(
        `${at}: ${label}: no such component in project ${targetProject}`,
      );
      continue;
    }
    const endpoint = org.workloadOf(dep.component)?.endpoints?.[dep.name];
    if (!endpoint) {
      problems.push(
        `${at}: ${label}: the component has no endpoint "${dep.name}"`,
      );
      continue;
    }
    const sameProject = targetProject === project;
    if (dep.visibility === 'project' && !sameProject) {
      problems.push(
        `${at}: ${label}: visibility "project" only reaches components of the same project; use "namespace"`,
      );
    }
    if (
      dep.visibility === 'namespace' &&
      !(endpoint.visibility ?? []).includes('namespace')
    ) {
      problems.push(
        `${at}: ${label}: the endpoint is not visible to other projects (no "namespace" visibility)`,
      );
    }
  }
  return problems;
}

/** Every reference between the objects of the organization resolves. */
export function referenceProblems(
  org: Organization,
  cpNamespace: string,
): string[] {
  const p: string[] = [];
  const envNames = new Set(
    org.all('Environment').map(e => e.object.metadata.name),
  );

  for (const { at, object: env } of org.all('Environment')) {
    const ref = env.spec.dataPlaneRef;
    if (
      ref &&
      !org.find(
        ref.kind === 'ClusterDataPlane' ? 'ClusterDataPlane' : 'DataPlane',
        ref.name,
      )
    ) {
      p.push(`${at}: dataPlaneRef ${ref.kind}/${ref.name} does not exist`);
    }
  }
  for (const { at, object: pipe } of org.all('DeploymentPipeline')) {
    for (const path of pipe.spec.promotionPaths ?? []) {
      for (const ref of [
        path.sourceEnvironmentRef,
        ...path.targetEnvironmentRefs,
      ]) {
        if (!envNames.has(refName(ref)))
          p.push(
            `${at}: promotion path names unknown environment ${refName(ref)}`,
          );
      }
    }
  }
  for (const { at, object: project } of org.all('Project')) {
    const name = project.metadata.name;
    if (
      !org.find(
        'DeploymentPipeline',
        refName(project.spec.deploymentPipelineRef),
      )
    ) {
      p.push(
        `${at}: deploymentPipelineRef ${refName(
          project.spec.deploymentPipelineRef,
        )} does not exist`,
      );
    }
    const typeKind =
      project.spec.type.kind === 'ClusterProjectType'
        ? 'ClusterProjectType'
        : 'ProjectType';
    if (!org.find(typeKind, project.spec.type.name))
      p.push(
        `${at}: type ${typeKind}/${project.spec.type.name} does not exist`,
      );
    const latest = org.find(
      'ProjectRelease',
      project.status?.latestRelease?.name,
    );
    if (!latest || latest.spec.owner.projectName !== name)
      p.push(`${at}: status.latestRelease is not a ProjectRelease of ${name}`);
    for (const env of envNames) {
      if (!org.find('ProjectReleaseBinding', `${name}-${env}`))
        p.push(`${at}: no ProjectReleaseBinding ${name}-${env}`);
    }
  }
  for (const { at, object: prb } of org.all('ProjectReleaseBinding')) {
    const { projectName } = prb.spec.owner;
    const env = prb.spec.environment;
    if (!org.find('Project', projectName))
      p.push(`${at}: project ${projectName} does not exist`);
    if (!envNames.has(env)) p.push(`${at}: environment ${env} does not exist`);
    if (prb.metadata.name !== `${projectName}-${env}`)
      p.push(`${at}: should be named ${projectName}-${env}`);
    const labels = prb.metadata.labels ?? {};
    if (
      labels['openchoreo.dev/project'] !== projectName ||
      labels['openchoreo.dev/environment'] !== env
    ) {
      p.push(
        `${at}: labels openchoreo.dev/project and openchoreo.dev/environment must name ${projectName} and ${env}`,
      );
    }
    if (
      org.find('ProjectRelease', prb.spec.projectRelease)?.spec.owner
        .projectName !== projectName
    ) {
      p.push(
        `${at}: spec.projectRelease ${prb.spec.projectRelease} is not a ProjectRelease of ${projectName}`,
      );
    }
    const expected = cellNamespaceName(cpNamespace, projectName, env);
    if (prb.status?.namespace !== expected)
      p.push(
        `${at}: status.namespace is ${prb.status?.namespace}, OpenChoreo computes ${expected}`,
      );
  }

  for (const { at, object: component } of org.all('Component')) {
    const name = component.metadata.name;
    const project = component.spec.owner.projectName;
    if (!org.find('Project', project))
      p.push(`${at}: project ${project} does not exist`);
    const [workloadType, typeName] =
      component.spec.componentType.name.split('/');
    const typeKind =
      component.spec.componentType.kind === 'ClusterComponentType'
        ? 'ClusterComponentType'
        : 'ComponentType';
    const type = org.find(typeKind, typeName);
    if (!type) {
      p.push(`${at}: componentType ${typeKind}/${typeName} does not exist`);
    } else if (type.spec.workloadType !== workloadType) {
      p.push(
        `${at}: componentType says ${workloadType} but ${typeName} has workloadType ${type.spec.workloadType}`,
      );
    }
    const wf = component.spec.workflow;
    if (wf) {
      const workflow = org.find('ClusterWorkflow', wf.name);
      if (!workflow)
        p.push(`${at}: workflow ClusterWorkflow/${wf.name} does not exist`);
      if (
        type &&
        !(type.spec.allowedWorkflows ?? []).some(a => a.name === wf.name)
      ) {
        p.push(
          `${at}: workflow ${wf.name} is not in ${typeName}.allowedWorkflows`,
        );
      }
    }
    const workloads = org
      .all('Workload')
      .filter(w => w.object.spec.owner.componentName === name);
    if (workloads.length !== 1)
      p.push(`${at}: expected exactly one Workload, found ${workloads.length}`);
    const latest = component.status?.latestRelease?.name;
    if (
      component.spec.autoDeploy &&
      org.find('ComponentRelease', latest)?.spec.owner.componentName !== name
    ) {
      p.push(
        `${at}: autoDeploy component with status.latestRelease ${latest} that is not one of its releases`,
      );
    }
  }

  for (const { at, object: workload } of org.all('Workload')) {
    const { projectName, componentName } = workload.spec.owner;
    if (
      org.find('Component', componentName)?.spec.owner.projectName !==
      projectName
    ) {
      p.push(`${at}: owner ${projectName}/${componentName} is not a component`);
    }
    if (workload.metadata.name !== `${componentName}-workload`)
      p.push(`${at}: CI names it ${componentName}-workload`);
    p.push(...dependencyProblems(org, at, projectName, workload.spec));
    for (const env of workload.spec.container.env ?? []) {
      const secret = env.valueFrom?.secretKeyRef?.name;
      if (secret && !org.find('SecretReference', secret))
        p.push(`${at}: env ${env.key} uses missing SecretReference ${secret}`);
    }
  }

  for (const { at, object: release } of org.all('ComponentRelease')) {
    const { projectName, componentName } = release.spec.owner;
    const component = org.find('Component', componentName);
    if (component?.spec.owner.projectName !== projectName) {
      p.push(`${at}: owner ${projectName}/${componentName} is not a component`);
      continue;
    }
    if (!release.metadata.name.startsWith(`${componentName}-`))
      p.push(`${at}: name should start with ${componentName}-`);
    if (release.spec.componentType.name !== component.spec.componentType.name) {
      p.push(
        `${at}: snapshot of ${release.spec.componentType.name}, but the component is ${component.spec.componentType.name}`,
      );
    }
    p.push(...dependencyProblems(org, at, projectName, release.spec.workload));
  }

  for (const { at, object: binding } of org.all('ReleaseBinding')) {
    const { projectName, componentName } = binding.spec.owner;
    if (
      org.find('Component', componentName)?.spec.owner.projectName !==
      projectName
    ) {
      p.push(`${at}: owner ${projectName}/${componentName} is not a component`);
    }
    if (!envNames.has(binding.spec.environment))
      p.push(`${at}: environment ${binding.spec.environment} does not exist`);
    if (
      binding.metadata.name !== `${componentName}-${binding.spec.environment}`
    ) {
      p.push(
        `${at}: should be named ${componentName}-${binding.spec.environment}`,
      );
    }
    if (
      org.find('ComponentRelease', binding.spec.releaseName)?.spec.owner
        .componentName !== componentName
    ) {
      p.push(
        `${at}: releaseName ${binding.spec.releaseName} is not a ComponentRelease of ${componentName}`,
      );
    }
  }

  for (const { at, object: run } of org.all('WorkflowRun')) {
    const labels = run.metadata.labels ?? {};
    const component = org.find('Component', labels['openchoreo.dev/component']);
    if (
      !component ||
      component.spec.owner.projectName !== labels['openchoreo.dev/project']
    ) {
      p.push(
        `${at}: labels name ${labels['openchoreo.dev/project']}/${labels['openchoreo.dev/component']}, which is not a component`,
      );
    } else if (component.spec.workflow?.name !== run.spec.workflow.name) {
      p.push(
        `${at}: runs ${run.spec.workflow.name} but the component builds with ${component.spec.workflow?.name}`,
      );
    }
    if (!org.find('ClusterWorkflow', run.spec.workflow.name))
      p.push(`${at}: workflow ${run.spec.workflow.name} does not exist`);
    if (
      run.status?.runReference &&
      run.status.runReference.namespace !== `workflows-${cpNamespace}`
    ) {
      p.push(
        `${at}: the Argo Workflow runs in workflows-${cpNamespace}, not ${run.status.runReference.namespace}`,
      );
    }
    if (condition(run.status, 'WorkflowCompleted') === undefined)
      p.push(`${at}: no WorkflowCompleted condition`);
  }
  return p;
}
