import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseManifests } from '@choreo-for-backstage/plugin-choreo-node';

/**
 * The names that exist in the copied sample organization, read from its
 * manifests: the fuzz cases refer to them to be "almost right" and avoid
 * them where a name must not exist.
 */
export interface SampleFacts {
  namespaces: string[];
  projects: string[];
  /** Component name to its project. */
  components: Record<string, string>;
  environments: string[];
  pipelines: string[];
  releases: string[];
  /** Names of every other kind (data planes, types, workflows), by kind. */
  names: Record<string, string[]>;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter(e => !e.name.startsWith('.'))
      .map(e => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return yamlFiles(full);
        return Promise.resolve(/\.ya?ml$/.test(e.name) ? [full] : []);
      }),
  );
  return nested.flat();
}

export async function readSampleFacts(dir: string): Promise<SampleFacts> {
  const names: Record<string, string[]> = {};
  const components: Record<string, string> = {};
  for (const file of await yamlFiles(dir)) {
    const text = await fs.readFile(file, 'utf8');
    for (const { resource } of parseManifests(text, file).resources) {
      (names[resource.kind] ??= []).push(resource.metadata.name);
      if (resource.kind === 'Component') {
        components[resource.metadata.name] = resource.spec.owner.projectName;
      }
    }
  }
  return {
    namespaces: names.Namespace ?? [],
    projects: names.Project ?? [],
    components,
    environments: names.Environment ?? [],
    pipelines: names.DeploymentPipeline ?? [],
    releases: names.ComponentRelease ?? [],
    names,
  };
}
