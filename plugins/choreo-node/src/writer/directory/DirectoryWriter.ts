import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { NotFoundError } from '@backstage/errors';
import {
  ChoreoResource,
  ResourceKey,
  choreoKindInfo,
  resourceKeyOf,
} from '@choreo-for-backstage/plugin-choreo-common';
import { GitWorkingCopy } from '../../gitops/GitWorkingCopy';
import { publishWithRetries } from '../../gitops/publishWithRetries';
import { SerialQueue } from '../../gitops/SerialQueue';
import { ManifestLocator } from '../../sources/directory/DirectorySource';
import { parseManifests } from '../../sources/directory/manifestParser';
import { walkManifestTree } from '../../sources/directory/manifestTree';
import { assertAsExpected } from '../resourceChanges';
import {
  ChoreoWriter,
  WriteAction,
  WriteContext,
  WriteResult,
  WriterReach,
} from '../types';
import {
  validateResource,
  validateResourceKey,
  validateWriteContext,
} from '../validateResource';
import { assertGitWorkTree, gitCommit, gitUnstage } from './gitCommit';
import { ManifestDocuments } from './ManifestDocuments';
import { conventionalManifestPath } from './manifestLayout';
import {
  mergeIntoDocument,
  newManifestDocument,
  withControlPlaneLabel,
} from './manifestMerge';
import { callerOwnedFields } from '../serverMetadata';
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
  /**
   * The root is the portal's clone of a GitOps remote: every write becomes a
   * commit pushed there, and returns once the push landed.
   */
  remote?: GitWorkingCopy;
}

interface Located {
  file: string;
  text: string;
  documents: ManifestDocuments;
  index: number;
}

/** A write worked out on the files as they are: the answer and the new file. */
interface PlannedWrite {
  result: WriteResult;
  key: ResourceKey;
  file: string;
  /** The new content; undefined: the file goes. */
  text: string | undefined;
  /** The content before; undefined: the file did not exist. */
  previous: string | undefined;
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

function isResourceOf(key: ResourceKey, resource: ChoreoResource): boolean {
  const namespaced = choreoKindInfo(key.kind)?.namespaced ?? true;
  return (
    resource.kind === key.kind &&
    resource.metadata.name === key.name &&
    (!namespaced || resource.metadata.namespace === key.namespace)
  );
}

/**
 * The resource as the directory source serves it from `text` (the same
 * parsing, e.g. no namespace on cluster-scoped kinds, no Namespace without
 * the control-plane label), so that a caller's `expected` from the store
 * compares like with like.
 */
function asServed(
  text: string,
  file: string,
  key: ResourceKey,
): ChoreoResource | undefined {
  return parseManifests(text, file).resources.find(r =>
    isResourceOf(key, r.resource),
  )?.resource;
}

/**
 * Writes Choreo resources as manifests into a directory, optionally as git
 * commits (GitOps), optionally pushed to a remote that several portal
 * replicas share. It edits only the document of the resource, so other
 * documents and comments in a file survive. It never touches the store: the
 * DirectorySource's watcher brings the change back like any other edit.
 * Writes run one at a time, so two writes to one file cannot lose each other;
 * with a remote, the remote serialises the writes of all replicas. A caller's
 * `expected` is checked against the files each time the write is worked out.
 */
export class DirectoryWriter implements ChoreoWriter {
  readonly root: string;
  private readonly commits: boolean;
  private readonly locator?: ManifestLocator;
  private readonly remote?: GitWorkingCopy;
  private readonly queue: SerialQueue;

  constructor(options: DirectoryWriterOptions) {
    this.root = path.resolve(options.root);
    this.remote = options.remote;
    this.commits = options.git?.commit === true || this.remote !== undefined;
    this.locator = options.locator;
    this.queue = new SerialQueue();
  }

  /** With a remote, Flux or Argo CD apply what is pushed; without, nothing does. */
  get reach(): WriterReach {
    return this.remote
      ? {
          controlPlane: true,
          description: `the Git remote ${this.remote.displayUrl}, which Flux or Argo CD applies`,
        }
      : {
          controlPlane: false,
          description: 'a local directory that follows no Git remote',
        };
  }

  async apply(
    resource: ChoreoResource,
    context: WriteContext,
  ): Promise<WriteResult> {
    validateWriteContext(context);
    validateResource(resource);
    return this.write(() => this.planApply(resource, context), context);
  }

  async delete(key: ResourceKey, context: WriteContext): Promise<WriteResult> {
    validateWriteContext(context);
    validateResourceKey(key);
    return this.write(() => this.planDelete(key, context), context);
  }

  private write(
    plan: () => Promise<PlannedWrite>,
    context: WriteContext,
  ): Promise<WriteResult> {
    const remote = this.remote;
    if (!remote) {
      return this.queue.run(() => this.writeLocally(plan, context));
    }
    return remote.exclusive(async () => {
      const { result, commit } = await publishWithRetries(
        remote.publishSteps(context.actor),
        async () => {
          const planned = await plan();
          const nothing =
            planned.result.action === 'unchanged' || context.dryRun;
          return {
            result: planned.result,
            files: nothing
              ? undefined
              : [{ path: planned.file, text: planned.text }],
            message: this.messageOf(planned, context),
          };
        },
        {
          attempts: remote.remote.pushAttempts,
          retryDelayMs: remote.remote.retryDelayMs,
          remote: remote.displayUrl,
          branch: remote.remote.branch,
        },
      );
      return commit ? { ...result, commit } : result;
    });
  }

  private async writeLocally(
    plan: () => Promise<PlannedWrite>,
    context: WriteContext,
  ): Promise<WriteResult> {
    if (this.commits) {
      await assertGitWorkTree(this.root);
    }
    const planned = await plan();
    const { result, file, text } = planned;
    if (result.action === 'unchanged' || context.dryRun) {
      return result;
    }
    if (text === undefined) {
      await removeFileAndEmptyFolders(this.root, file);
    } else {
      await writeFileAtomically(this.root, file, text);
    }
    const commit = await this.commit(planned, context);
    return commit ? { ...result, commit } : result;
  }

  private async planApply(
    resource: ChoreoResource,
    context: WriteContext,
  ): Promise<PlannedWrite> {
    const key = resourceKeyOf(resource);
    const fields = callerOwnedFields(resource);
    const newPath = conventionalManifestPath(resource);
    const found = await this.find(key, [newPath]);
    assertAsExpected(
      describeKey(key),
      context.expected,
      found ? asServed(found.text, found.file, key) : undefined,
    );

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

    return {
      result: { action, resource: written, location: file },
      key,
      file,
      text: documents.toString(),
      previous,
    };
  }

  private async planDelete(
    key: ResourceKey,
    context: WriteContext,
  ): Promise<PlannedWrite> {
    const found = await this.find(key, []);
    assertAsExpected(
      describeKey(key),
      context.expected,
      found ? asServed(found.text, found.file, key) : undefined,
    );
    if (!found) {
      throw new NotFoundError(
        `${describeKey(key)} is not in any manifest${
          this.remote ? '' : ` under '${this.root}'`
        }`,
      );
    }
    const { file, documents, index, text } = found;
    const resource = documents.documents[index].toJS() as ChoreoResource;
    documents.remove(index);
    return {
      result: { action: 'deleted', resource, location: file },
      key,
      file,
      text: documents.isEmpty() ? undefined : documents.toString(),
      previous: text,
    };
  }

  private messageOf(planned: PlannedWrite, context: WriteContext): string {
    return (
      context.message?.trim() ||
      `${VERBS[planned.result.action]} ${describeKey(planned.key)}`
    );
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
    planned: PlannedWrite,
    context: WriteContext,
  ): Promise<string | undefined> {
    if (!this.commits) {
      return undefined;
    }
    const { file, previous } = planned;
    try {
      return await gitCommit({
        cwd: this.root,
        paths: [file],
        message: this.messageOf(planned, context),
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
