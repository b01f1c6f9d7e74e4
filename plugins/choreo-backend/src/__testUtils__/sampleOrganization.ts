import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ChoreoResource } from '@choreo-for-backstage/plugin-choreo-common';
import { parseManifests } from '@choreo-for-backstage/plugin-choreo-node';
import { stringify } from 'yaml';

export {
  copySampleOrganization,
  eventually,
} from '@choreo-for-backstage/plugin-choreo-node/testUtils';

/**
 * What the copied sample says about a component: its releases (oldest first)
 * and the release bound per environment. The sample is generated, so tests
 * read names from it instead of hard-coding hashes.
 */
export async function sampleComponent(
  dir: string,
  project: string,
  component: string,
): Promise<{ releases: string[]; bound: Record<string, string | undefined> }> {
  const file = path.join(
    'projects',
    project,
    'components',
    `${component}.yaml`,
  );
  const text = await fs.readFile(path.join(dir, file), 'utf8');
  const { resources } = parseManifests(text, file);
  const releases = resources
    .map(r => r.resource)
    .filter(r => r.kind === 'ComponentRelease')
    .sort((a, b) =>
      String(a.metadata.creationTimestamp).localeCompare(
        String(b.metadata.creationTimestamp),
      ),
    )
    .map(r => r.metadata.name);
  const bound: Record<string, string | undefined> = {};
  for (const { resource } of resources) {
    if (resource.kind === 'ReleaseBinding') {
      bound[resource.spec.environment] = resource.spec.releaseName;
    }
  }
  return { releases, bound };
}

/**
 * Changes the sample's manifests the way someone using GitOps or kubectl
 * would, outside the portal: `edit` gets every resource of the file and
 * returns the resources to write back.
 */
export async function editSampleManifests(
  dir: string,
  file: string,
  edit: (resources: ChoreoResource[]) => ChoreoResource[],
): Promise<void> {
  const full = path.join(dir, file);
  const { resources } = parseManifests(await fs.readFile(full, 'utf8'), file);
  const edited = edit(resources.map(r => r.resource));
  await fs.writeFile(full, edited.map(r => stringify(r)).join('---\n'), 'utf8');
}

/** The sample file of a component: its Component, Workload, releases and bindings. */
export const componentFile = (project: string, component: string) =>
  path.join('projects', project, 'components', `${component}.yaml`);
