import { ConflictError } from '@backstage/errors';
import {
  ResourceKey,
  choreoKindInfo,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Document, LineCounter, parseAllDocuments } from 'yaml';

type Json = Record<string, unknown>;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The YAML documents of one manifest file, edited through the yaml Document
 * API so that the other documents and comments stay as they were.
 */
export class ManifestDocuments {
  private constructor(readonly documents: Document[]) {}

  static empty(): ManifestDocuments {
    return new ManifestDocuments([]);
  }

  /**
   * Parses a file for editing. A file with YAML errors is refused: writing
   * into it could lose the part the parser did not understand.
   */
  static parse(text: string, file: string): ManifestDocuments {
    const lines = new LineCounter();
    const documents = parseAllDocuments(text, { lineCounter: lines });
    for (const doc of documents) {
      const error = doc.errors[0];
      if (error) {
        const line = error.linePos?.[0].line;
        throw new ConflictError(
          `${file} has a YAML error${line ? ` at line ${line}` : ''} (${
            error.message.split('\n')[0]
          }); fix the file before writing to it`,
        );
      }
    }
    return new ManifestDocuments(Array.from(documents));
  }

  /** Index of the document that holds the resource, or -1. */
  indexOf(key: ResourceKey): number {
    const namespaced = choreoKindInfo(key.kind)?.namespaced ?? true;
    return this.documents.findIndex(doc => {
      const value: unknown = doc.toJS();
      if (!isPlainObject(value) || value.kind !== key.kind) {
        return false;
      }
      const metadata = isPlainObject(value.metadata) ? value.metadata : {};
      return (
        metadata.name === key.name &&
        (!namespaced || metadata.namespace === key.namespace)
      );
    });
  }

  add(doc: Document): void {
    this.documents.push(doc);
  }

  remove(index: number): void {
    this.documents.splice(index, 1);
  }

  /** Whether no document holds anything (the file can go). */
  isEmpty(): boolean {
    return this.documents.every(doc => {
      const value: unknown = doc.toJS();
      return value === null || value === undefined;
    });
  }

  toString(): string {
    return this.documents
      .map((doc, index) => {
        const text = String(doc);
        return index > 0 && !text.startsWith('---') ? `---\n${text}` : text;
      })
      .join('');
  }
}
