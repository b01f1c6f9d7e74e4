import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseAllDocuments } from 'yaml';

/** A Kubernetes object as read from a manifest file. */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  [key: string]: unknown;
};

/** One YAML document and where it came from, for error messages. */
export interface Manifest {
  /** Path relative to the examples root, e.g. acme/platform/environments.yaml. */
  file: string;
  /** 1-based line where the document starts. */
  line: number;
  object: KubeObject;
}

/** The root of the sample organization: /examples in the repository. */
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../../../examples');

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap(entry => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return yamlFilesUnder(full);
      }
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

/**
 * Reads every YAML document under `dir`. Throws on the first syntax error with
 * file and line, because a half-parsed organization would give confusing follow-up errors.
 */
export function loadManifests(
  dir: string,
  root: string = EXAMPLES_DIR,
): Manifest[] {
  const manifests: Manifest[] = [];
  for (const file of yamlFilesUnder(dir)) {
    const rel = path.relative(root, file);
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter });
    if (!Array.isArray(docs)) {
      continue; // an empty file
    }
    for (const doc of docs) {
      const problem = doc.errors[0] ?? doc.warnings[0];
      if (problem) {
        const at = problem.linePos?.[0];
        throw new Error(
          `${rel}:${at ? `${at.line}:${at.col}` : '?'}: YAML ${problem.name}: ${
            problem.message
          }`,
        );
      }
      const object = doc.toJS() as KubeObject | null;
      if (object === null) {
        continue; // a document holding only comments
      }
      const start = doc.contents?.range?.[0] ?? 0;
      manifests.push({
        file: rel,
        line: lineCounter.linePos(start).line,
        object,
      });
    }
  }
  return manifests;
}

/** `file:line kind/name`, the prefix of every problem message. */
export function where(m: Manifest): string {
  return `${m.file}:${m.line} ${m.object.kind ?? '?'}/${
    m.object.metadata?.name ?? '?'
  }`;
}
