import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KubeObject } from './openchoreoFixtures';

/** Expands files and directories (their *.yaml / *.yml files, sorted) into file paths. */
export function yamlFiles(paths: string[]): string[] {
  return paths.flatMap(p =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter(name => /\.ya?ml$/.test(name))
          .sort()
          .map(name => path.join(p, name))
      : [p],
  );
}

/**
 * Every object of the YAML files (multi-document files too), in file order, as they are:
 * for example a repository's deployment manifests, to create them with `createObject`.
 */
export function readManifests(paths: string[]): KubeObject[] {
  const objects: KubeObject[] = [];
  for (const file of yamlFiles(paths)) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      if (doc.errors.length > 0) {
        throw new Error(`${file} is not valid YAML: ${doc.errors[0].message}`);
      }
      const obj = doc.toJS() as KubeObject | null;
      if (obj) {
        objects.push(obj);
      }
    }
  }
  return objects;
}
