import path from 'node:path';
import {
  CellComponentInput,
  CellTopology,
  Component,
  computeCellTopology,
  ReleaseBinding,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStore } from '../../store/ChoreoStore';
import { DirectorySource } from '../../sources/directory/DirectorySource';

export const ACME_DIR = path.resolve(__dirname, '../../../../../examples/acme');
export const ACME_FLOWS = path.join(ACME_DIR, 'flows.jsonl');

/** Loads examples/acme into a store the way the app does. */
export async function loadAcme(): Promise<ChoreoStore> {
  const store = new ChoreoStore();
  const source = new DirectorySource({
    name: 'acme',
    path: ACME_DIR,
    watch: false,
  });
  await source.start(store.sinkFor('acme', 'directory'));
  await source.stop();
  return store;
}

/** The declared topology of one cell, fed from the store like the backend's TopologyService does. */
export function topologyOf(
  store: ChoreoStore,
  project: string,
  environment: string,
): CellTopology {
  const namespace = 'acme';
  const bindings = new Map<string, ReleaseBinding>(
    store
      .list('ReleaseBinding', { namespace, environment })
      .map(b => [
        `${b.spec.owner?.projectName}/${b.spec.owner?.componentName}`,
        b,
      ]),
  );
  const toInput = (c: Component): CellComponentInput => {
    const projectName = c.spec.owner?.projectName;
    const binding = bindings.get(`${projectName}/${c.metadata.name}`);
    const release = binding?.spec.releaseName
      ? store.get('ComponentRelease', binding.spec.releaseName, namespace)
      : undefined;
    const workload =
      release?.spec.workload ??
      store
        .list('Workload', { namespace, component: c.metadata.name })
        .find(w => w.spec.owner?.projectName === projectName)?.spec;
    return { project: projectName, name: c.metadata.name, binding, workload };
  };
  const all = store.list('Component', { namespace });
  return computeCellTopology({
    namespace,
    project,
    environment,
    components: all
      .filter(c => c.spec.owner?.projectName === project)
      .map(toInput),
    otherComponents: all
      .filter(c => c.spec.owner?.projectName !== project)
      .map(toInput),
  });
}
