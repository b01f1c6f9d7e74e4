import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseManifests } from '@choreo-for-backstage/plugin-choreo-node';

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
