import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SourceProblem } from '../../store/types';

/** `*.yaml` and `*.yml` files are manifests. */
export function isManifestFile(name: string): boolean {
  return /\.ya?ml$/i.test(name);
}

/**
 * Whether a path (relative to the root, any separator) is outside what a
 * directory source reads: dot-folders and dot-files (`.git`, editor swap and
 * temporary files) and `node_modules`.
 */
export function isIgnoredPath(relativePath: string): boolean {
  return relativePath
    .split(/[\\/]/)
    .some(part => part.startsWith('.') || part === 'node_modules');
}

/** Relative path with forward slashes, as problems and locations show it. */
export function toPosix(relativePath: string): string {
  return relativePath.split(path.sep).join('/');
}

export interface ManifestTree {
  /** Manifest files relative to the root, posix separators, sorted. */
  files: string[];
  /** Folders that could not be read. */
  problems: SourceProblem[];
}

/**
 * Lists every manifest file under `root/start` (recursively). Unreadable
 * folders become problems; the walk goes on. Symbolic links to files are
 * followed, links to folders are not (they could loop).
 */
export async function walkManifestTree(
  root: string,
  start = '',
): Promise<ManifestTree> {
  const files: string[] = [];
  const problems: SourceProblem[] = [];

  async function visit(relativeDir: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(path.join(root, relativeDir), {
        withFileTypes: true,
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (relativeDir === start && code === 'ENOENT' && start !== '') {
        return;
      }
      problems.push({
        message: `Folder could not be read (${
          code ?? String(error)
        }); its manifests are not loaded`,
        file: toPosix(relativeDir) || '.',
      });
      return;
    }
    for (const entry of entries) {
      const relative = path.join(relativeDir, entry.name);
      if (isIgnoredPath(entry.name)) {
        continue;
      }
      if (entry.isDirectory()) {
        await visit(relative);
      } else if (isManifestFile(entry.name)) {
        if (entry.isFile()) {
          files.push(toPosix(relative));
        } else if (entry.isSymbolicLink()) {
          const target = await fs
            .stat(path.join(root, relative))
            .catch(() => undefined);
          if (target?.isFile()) {
            files.push(toPosix(relative));
          }
        }
      }
    }
  }

  await visit(start);
  files.sort();
  return { files, problems };
}
