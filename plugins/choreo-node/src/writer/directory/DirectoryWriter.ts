import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '@backstage/errors';
import {
  ChoreoResource,
  ResourceKey,
  resourceKeyOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import { ManifestLocator } from '../../sources/directory/DirectorySource';
import { walkManifestTree } from '../../sources/directory/manifestTree';
import { ChoreoWriter, WriteAction, WriteContext, WriteResult } from '../types';
import {
  validateResource,
  validateResourceKey,
  validateWriteContext,
} from '../validateResource';
import { assertGitWorkTree, gitCommit, gitUnstage } from './gitCommit';
import { ManifestDocuments } from './ManifestDocuments';
import { conventionalManifestPath } from './manifestLayout';
import {
  callerOwnedFields,
  mergeIntoDocument,
  newManifestDocument,
  withControlPlaneLabel,
} from './manifestMerge';
import {
  removeFileAndEmptyFolders,
  writeFileAtomically,
} from './manifestFileSystem';

export interface DirectoryWriterOptions {
  /** The manifest directory (the same root its DirectorySource reads). */
  root: string;
  /** GitOps mode: commit every write. The root must be inside a git work tree. */
  git?: { commit?: boolean };
  /** Finds the file an existing resource lives in; without it, the tree is scanned. */
  locator?: ManifestLocator;
}

interface Located {
  file: string;
  text: string;
  documents: ManifestDocuments;
  index: number;
}

const VERBS: Record<WriteAction, string> = {
  created: 'Create',
  updated: 'Update',
  deleted: 'Delete',
  unchanged: 'Update',
};

function describeKey(key: ResourceKey): string {
  return `${key.kind} ${key.namespace ? `${key.namespace}/` : ''}${key.name}`;
}

/**
 * Writes Choreo resources as manifests into a directory, optionally as git
 * commits (GitOps). It edits only the document of the resource, so other
 * documents and comments in a file survive. It never touches the store: the
 * DirectorySource's watcher brings the change back like any other edit.
 * Writes run one at a time, so two writes to one file cannot lose each other.
 */
export class DirectoryWriter implements ChoreoWriter {
  readonly root: string;
  private readonly commits: boolean;
  private readonly locator?: ManifestLocator;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: DirectoryWriterOptions) {
    this.root = path.resolve(options.root);
    this.commits = options.git?.commit === true;
    this.locator = options.locator;
  }

  apply(resource: ChoreoResource, context: WriteContext): Promise<WriteResult> {
    return this.serialized(() => this.applyNow(resource, context));
  }

  delete(key: ResourceKey, context: WriteContext): Promise<WriteResult> {
    return this.serialized(() => this.deleteNow(key, context));
  }

  private serialized<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.tail.then(operation, operation);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async applyNow(
    resource: ChoreoResource,
    context: WriteContext,
  ): Promise<WriteResult> {
    validateWriteContext(context);
    validateResource(resource);
    if (this.commits) {
      await assertGitWorkTree(this.root);
    }
    const key = resourceKeyOf(resource);
    const fields = callerOwnedFields(resource);
    const newPath = conventionalManifestPath(resource);
    const found = await this.find(key, [newPath]);

    let action: WriteAction;
    let file: string;
    let previous: string | undefined;
    let documents: ManifestDocuments;
    let written: ChoreoResource;
    if (found) {
      ({ file, documents, text: previous } = found);
      const doc = documents.documents[found.index];
      const before: unknown = doc.toJS();
      mergeIntoDocument(doc, fields);
      written = doc.toJS() as ChoreoResource;
      action = isDeepStrictEqual(before, written) ? 'unchanged' : 'updated';
    } else {
      file = newPath;
      previous = await this.readText(file);
      documents =
        previous === undefined
          ? ManifestDocuments.empty()
          : ManifestDocuments.parse(previous, file);
      const doc = newManifestDocument(withControlPlaneLabel(fields));
      documents.add(doc);
      written = doc.toJS() as ChoreoResource;
      action = 'created';
    }

    const result: WriteResult = { action, resource: written, location: file };
    if (action === 'unchanged' || context.dryRun) {
      return result;
    }
    await writeFileAtomically(this.root, file, documents.toString());
    const commit = await this.commit(file, previous, action, key, context);
    return commit ? { ...result, commit } : result;
  }

  private async deleteNow(
    key: ResourceKey,
    context: WriteContext,
  ): Promise<WriteResult> {
    validateWriteContext(context);
    validateResourceKey(key);
    if (this.commits) {
      await assertGitWorkTree(this.root);
    }
    const found = await this.find(key, []);
    if (!found) {
      throw new NotFoundError(
        `${describeKey(key)} is not in any manifest under '${this.root}'`,
      );
    }
    const { file, documents, index, text } = found;
    const resource = documents.documents[index].toJS() as ChoreoResource;
    documents.remove(index);
    const result: WriteResult = { action: 'deleted', resource, location: file };
    if (context.dryRun) {
      return result;
    }
    if (documents.isEmpty()) {
      await removeFileAndEmptyFolders(this.root, file);
    } else {
      await writeFileAtomically(this.root, file, documents.toString());
    }
    const commit = await this.commit(file, text, 'deleted', key, context);
    return commit ? { ...result, commit } : result;
  }

  /**
   * The file holding `key`: where the source saw it, then the given
   * candidates, then (a miss, e.g. a new resource) a scan of the whole tree so
   * a resource is never created twice in two files.
   */
  private async find(
    key: ResourceKey,
    candidates: string[],
  ): Promise<Located | undefined> {
    const first = [this.locator?.fileOf(key), ...candidates].filter(
      (file): file is string => Boolean(file),
    );
    for (const file of new Set(first)) {
      const found = await this.findIn(file, key, true);
      if (found) {
        return found;
      }
    }
    const tree = await walkManifestTree(this.root);
    for (const file of tree.files) {
      if (!first.includes(file)) {
        const found = await this.findIn(file, key, false);
        if (found) {
          return found;
        }
      }
    }
    return undefined;
  }

  private async findIn(
    file: string,
    key: ResourceKey,
    strict: boolean,
  ): Promise<Located | undefined> {
    const text = await this.readText(file);
    // A cheap test first: most files of a scan cannot hold the resource.
    if (text === undefined || !text.includes(key.name)) {
      return undefined;
    }
    let documents: ManifestDocuments;
    try {
      documents = ManifestDocuments.parse(text, file);
    } catch (error) {
      if (strict) {
        throw error;
      }
      return undefined;
    }
    const index = documents.indexOf(key);
    return index < 0 ? undefined : { file, text, documents, index };
  }

  private async commit(
    file: string,
    previous: string | undefined,
    action: WriteAction,
    key: ResourceKey,
    context: WriteContext,
  ): Promise<string | undefined> {
    if (!this.commits) {
      return undefined;
    }
    try {
      return await gitCommit({
        cwd: this.root,
        paths: [file],
        message:
          context.message?.trim() || `${VERBS[action]} ${describeKey(key)}`,
        actor: context.actor,
      });
    } catch (error) {
      // Leave the directory as it was: an uncommitted change would be picked
      // up by the watcher and shown as if it had been committed.
      await gitUnstage(this.root, [file]);
      if (previous === undefined) {
        await removeFileAndEmptyFolders(this.root, file);
      } else {
        await writeFileAtomically(this.root, file, previous);
      }
      throw error;
    }
  }

  private async readText(file: string): Promise<string | undefined> {
    try {
      return await fs.readFile(path.join(this.root, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return undefined;
      }
      throw error;
    }
  }
}
