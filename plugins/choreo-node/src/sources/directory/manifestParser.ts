import {
  CHOREO_API_GROUP,
  CHOREO_API_VERSION,
  CHOREO_LABELS,
  ChoreoResource,
  choreoKindInfo,
  resourceKeyOf,
  resourceKeyString,
} from '@choreo-for-backstage/plugin-choreo-common';
import { Document, LineCounter, Node, isNode, parseAllDocuments } from 'yaml';
import { SourceProblem } from '../../store/types';

/** One Choreo resource read from a manifest file. */
export interface ParsedResource {
  resource: ChoreoResource;
  /** The file, relative to the source root. */
  file: string;
  /** 1-based line where the document starts. */
  line: number;
}

export interface ManifestParseResult {
  resources: ParsedResource[];
  problems: SourceProblem[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** What to do with one document: use it, skip it quietly, or report why it is broken. */
type Verdict =
  | { use: ChoreoResource }
  | { skip: true }
  | { problem: string; at?: ReadonlyArray<string> };

/**
 * Decides what to do with one YAML document. Documents that are not Choreo
 * resources (other API groups, plain config files, Namespaces without the
 * control-plane label) are skipped silently: a GitOps repository holds more
 * than our kinds.
 */
function judge(value: unknown): Verdict {
  if (!isObject(value)) {
    return { skip: true };
  }
  const { apiVersion, kind } = value;
  const kindName = typeof kind === 'string' ? kind : undefined;
  const info = kindName ? choreoKindInfo(kindName) : undefined;
  const isCoreNamespace = apiVersion === 'v1' && kindName === 'Namespace';
  const claimsChoreo =
    typeof apiVersion === 'string' &&
    apiVersion.startsWith(`${CHOREO_API_GROUP}/`);

  if (!claimsChoreo && !isCoreNamespace) {
    if (apiVersion === undefined && info && info.kind !== 'Namespace') {
      return {
        problem: `${kindName} has no apiVersion; add 'apiVersion: ${CHOREO_API_VERSION}'`,
        at: ['kind'],
      };
    }
    return { skip: true };
  }
  if (claimsChoreo && apiVersion !== CHOREO_API_VERSION) {
    return {
      problem: `apiVersion '${apiVersion}' is not supported; use '${CHOREO_API_VERSION}'`,
      at: ['apiVersion'],
    };
  }
  if (!kindName) {
    return { problem: `the document has no kind`, at: [] };
  }
  if (!info || (claimsChoreo && info.kind === 'Namespace')) {
    return {
      problem: `kind '${kindName}' is not an OpenChoreo kind this version knows`,
      at: ['kind'],
    };
  }
  const metadata = value.metadata;
  if (!isObject(metadata) || !nonEmptyString(metadata.name)) {
    return {
      problem: `${kindName} has no metadata.name`,
      at: isObject(metadata) ? ['metadata'] : [],
    };
  }
  if (isCoreNamespace) {
    const labels = isObject(metadata.labels) ? metadata.labels : {};
    if (labels[CHOREO_LABELS.controlPlane] !== 'true') {
      return { skip: true };
    }
  }
  if (info.namespaced && !nonEmptyString(metadata.namespace)) {
    return {
      problem: `${kindName} '${metadata.name}' has no metadata.namespace; ${kindName} is namespaced, add the control-plane namespace it belongs to`,
      at: ['metadata'],
    };
  }
  if (!info.namespaced && metadata.namespace !== undefined) {
    // Kubernetes ignores the namespace of cluster-scoped objects; so do we,
    // or the key would not match what the cluster reports.
    const rest = { ...metadata };
    delete rest.namespace;
    return { use: { ...value, metadata: rest } as unknown as ChoreoResource };
  }
  return { use: value as unknown as ChoreoResource };
}

function nodeLine(
  doc: Document,
  lines: LineCounter,
  path: ReadonlyArray<string> | undefined,
  fallback: number,
): number {
  const node: unknown = path?.length ? doc.getIn(path, true) : doc.contents;
  const start = isNode(node) ? (node as Node).range?.[0] : undefined;
  return start === undefined ? fallback : lines.linePos(start).line;
}

/**
 * Reads the Choreo resources in one manifest file (any number of YAML
 * documents). Never throws: every document that cannot be used becomes a
 * problem with the file and 1-based line, and the others are still returned.
 */
export function parseManifests(
  text: string,
  file: string,
): ManifestParseResult {
  const lines = new LineCounter();
  const resources: ParsedResource[] = [];
  const problems: SourceProblem[] = [];
  const seen = new Map<string, number>();

  for (const doc of parseAllDocuments(text, { lineCounter: lines })) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lines.linePos(start).line;
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      problems.push({
        message: `YAML syntax error: ${error.message.split('\n')[0]}`,
        file,
        line: error.linePos?.[0].line ?? line,
      });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      problems.push({
        message: `YAML could not be read: ${(error as Error).message}`,
        file,
        line,
      });
      continue;
    }
    const verdict = judge(value);
    if ('skip' in verdict) {
      continue;
    }
    if ('problem' in verdict) {
      problems.push({
        message: verdict.problem,
        file,
        line: nodeLine(doc, lines, verdict.at, line),
      });
      continue;
    }
    const key = resourceKeyOf(verdict.use);
    const keyString = resourceKeyString(key);
    const firstLine = seen.get(keyString);
    if (firstLine !== undefined) {
      problems.push({
        message: `${keyString} is defined twice in this file (first at line ${firstLine}); this copy is ignored`,
        file,
        line,
        resource: key,
      });
      continue;
    }
    seen.set(keyString, line);
    resources.push({ resource: verdict.use, file, line });
  }
  return { resources, problems };
}
