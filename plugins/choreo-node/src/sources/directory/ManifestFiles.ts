import {
  resourceKeyOf,
  resourceKeyString,
} from '@choreo-for-backstage/plugin-choreo-common';
import { SourceProblem } from '../../store/types';
import { ManifestParseResult, ParsedResource } from './manifestParser';

interface FileState {
  /** Resources of the last version of the file that had no problems. */
  lastGood?: ParsedResource[];
  /** What the file holds now. */
  current: ManifestParseResult;
}

/** What a directory currently provides. */
export interface ManifestSnapshot {
  /** By `resourceKeyString`. */
  resources: Map<string, ParsedResource>;
  problems: SourceProblem[];
}

/**
 * The parsed content of every manifest file of a directory, and the rules
 * that turn it into one set of resources: a file with problems keeps serving
 * its last good version (never lose data because an input broke), and when
 * two files define the same resource the first path in sort order wins.
 * Pure: the caller reads the files.
 */
export class ManifestFiles {
  private readonly files = new Map<string, FileState>();

  /** Records the new content of a file. */
  update(file: string, result: ManifestParseResult): void {
    const previous = this.files.get(file);
    this.files.set(file, {
      current: result,
      lastGood:
        result.problems.length === 0 ? result.resources : previous?.lastGood,
    });
  }

  /** The file exists but could not be read: keep what it had. */
  readFailed(file: string, message: string): void {
    const previous = this.files.get(file);
    this.files.set(file, {
      lastGood: previous?.lastGood ?? previous?.current.resources,
      current: { resources: [], problems: [{ message, file }] },
    });
  }

  remove(file: string): void {
    this.files.delete(file);
  }

  /** Known files, optionally only those under a folder (posix, relative). */
  paths(under?: string): string[] {
    const all = Array.from(this.files.keys());
    if (!under) {
      return all;
    }
    const prefix = `${under}/`;
    return all.filter(file => file.startsWith(prefix));
  }

  snapshot(namespaces?: ReadonlySet<string>): ManifestSnapshot {
    const resources = new Map<string, ParsedResource>();
    const problems: SourceProblem[] = [];
    const files = Array.from(this.files.keys()).sort();
    for (const file of files) {
      const { current, lastGood } = this.files.get(file)!;
      problems.push(...current.problems);
      let served = current.resources;
      if (current.problems.length > 0 && lastGood) {
        served = lastGood;
        problems.push({
          message:
            'This file has problems; its last good version is still served until it is fixed',
          file,
        });
      }
      for (const parsed of served) {
        if (namespaces && !inNamespaces(parsed, namespaces)) {
          continue;
        }
        const key = resourceKeyOf(parsed.resource);
        const keyString = resourceKeyString(key);
        const first = resources.get(keyString);
        if (first) {
          problems.push({
            message: `${keyString} is also defined in ${first.file} (line ${first.line}); this copy is ignored`,
            file,
            line: parsed.line,
            resource: key,
          });
          continue;
        }
        resources.set(keyString, parsed);
      }
    }
    return { resources, problems };
  }
}

function inNamespaces(
  parsed: ParsedResource,
  namespaces: ReadonlySet<string>,
): boolean {
  const { kind, metadata } = parsed.resource;
  if (kind === 'Namespace') {
    return namespaces.has(metadata.name);
  }
  return metadata.namespace === undefined || namespaces.has(metadata.namespace);
}
