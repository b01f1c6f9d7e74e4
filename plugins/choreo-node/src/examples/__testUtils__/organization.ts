import type {
  ChoreoKind,
  Condition,
  ResourceOf,
  WorkloadTemplateSpec,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Manifest, where } from './loadManifests';

export interface Entry<K extends ChoreoKind> {
  manifest: Manifest;
  object: ResourceOf<K>;
  /** `file:line Kind/name`, to start problem messages with. */
  at: string;
}

/** The sample organization indexed by kind and name. */
export class Organization {
  private readonly byKind = new Map<string, Entry<ChoreoKind>[]>();

  constructor(readonly manifests: Manifest[]) {
    for (const manifest of manifests) {
      const kind = manifest.object.kind ?? '';
      const list = this.byKind.get(kind) ?? [];
      list.push({
        manifest,
        object: manifest.object as unknown as ResourceOf<ChoreoKind>,
        at: where(manifest),
      });
      this.byKind.set(kind, list);
    }
  }

  all<K extends ChoreoKind>(kind: K): Entry<K>[] {
    return (this.byKind.get(kind) ?? []) as Entry<K>[];
  }

  find<K extends ChoreoKind>(
    kind: K,
    name: string | undefined,
  ): ResourceOf<K> | undefined {
    return this.all(kind).find(e => e.object.metadata.name === name)?.object;
  }

  /** The component's workload template: from its current Workload. */
  workloadOf(component: string): WorkloadTemplateSpec | undefined {
    return this.all('Workload').find(
      w => w.object.spec.owner.componentName === component,
    )?.object.spec;
  }

  /** The workload a binding runs: the one frozen in its ComponentRelease. */
  boundWorkload(
    component: string,
    environment: string,
  ): WorkloadTemplateSpec | undefined {
    const binding = this.all('ReleaseBinding').find(
      b =>
        b.object.spec.owner.componentName === component &&
        b.object.spec.environment === environment,
    );
    return this.find('ComponentRelease', binding?.object.spec.releaseName)?.spec
      .workload;
  }

  /** Cell namespace -> project and environment, from ProjectReleaseBinding status. */
  cells(): Map<string, { project: string; environment: string }> {
    return new Map(
      this.all('ProjectReleaseBinding')
        .filter(b => b.object.status?.namespace)
        .map(b => [
          b.object.status!.namespace!,
          {
            project: b.object.spec.owner.projectName,
            environment: b.object.spec.environment,
          },
        ]),
    );
  }
}

export const condition = (
  status: { conditions?: Condition[] } | undefined,
  type: string,
) => status?.conditions?.find(c => c.type === type);

/** How a ReleaseBinding would be summarized to a developer. */
export function bindingState(
  status: { conditions?: Condition[] } | undefined,
): 'ready' | 'progressing' | 'failed' | 'unknown' {
  const ready = condition(status, 'Ready');
  if (ready?.status === 'True') {
    return 'ready';
  }
  const reason = ready?.reason ?? '';
  if (
    [
      'ResourcesProgressing',
      'ReleaseCreated',
      'ConnectionsPending',
      'JobRunning',
    ].includes(reason)
  ) {
    return 'progressing';
  }
  return ready ? 'failed' : 'unknown';
}
