import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The OpenChoreo release the project is written against. */
export const OPENCHOREO_VERSION = 'v1.2.3';
const OPENCHOREO_MODULE = 'github.com/openchoreo/openchoreo';

/** A JSON schema as it appears in a CRD (structural schema plus x-kubernetes-* extensions). */
export type CrdSchema = { [key: string]: unknown };

/** What the tests need from one OpenChoreo CRD. */
export interface OpenChoreoCrd {
  kind: string;
  plural: string;
  scope: 'Namespaced' | 'Cluster';
  /** The openAPIV3Schema of the served version (v1alpha1). */
  openAPIV3Schema: CrdSchema;
}

const moduleDirs = new Map<string, string>();
const crdSets = new Map<string, Map<string, OpenChoreoCrd>>();

const HOW_TO_GET_GO =
  'Install Go >= 1.26 (https://go.dev/dl/) and put `go` on PATH; the tests read the real ' +
  `OpenChoreo CRDs from the Go module ${OPENCHOREO_MODULE}.`;

/**
 * Returns the directory of the OpenChoreo Go module in the local module cache, downloading it
 * with `go mod download` when needed. The result is cached for the life of the process.
 *
 * Throws (never skips) when `go` is missing or the download fails, because a test that
 * silently stops validating against the real CRDs would give false confidence.
 */
export function openchoreoModuleDir(
  version: string = OPENCHOREO_VERSION,
): string {
  const cached = moduleDirs.get(version);
  if (cached) {
    return cached;
  }
  // `go mod download <module>@<version>` refuses to run inside a module that does not need it,
  // and GOFLAGS=-mod=vendor or a parent go.work could interfere, so run it from a scratch
  // directory with no go.mod above it and with workspace mode off.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'openchoreo-mod-'));
  let stdout: string;
  try {
    stdout = execFileSync(
      'go',
      ['mod', 'download', '-json', `${OPENCHOREO_MODULE}@${version}`],
      {
        cwd: scratch,
        env: { ...process.env, GOFLAGS: '-mod=mod', GOWORK: 'off' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 10 * 60 * 1000,
      },
    );
  } catch (error) {
    throw new Error(describeGoFailure(version, error));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const info = JSON.parse(stdout) as { Dir?: string; Error?: string };
  if (info.Error || !info.Dir || !existsSync(info.Dir)) {
    throw new Error(
      `go mod download ${OPENCHOREO_MODULE}@${version} did not produce a module directory` +
        `${
          info.Error ? `: ${info.Error}` : ''
        }. Check network access to the Go module proxy ` +
        `(GOPROXY=${
          process.env.GOPROXY ?? 'default'
        }) or pre-fill the module cache.`,
    );
  }
  moduleDirs.set(version, info.Dir);
  return info.Dir;
}

function describeGoFailure(version: string, error: unknown): string {
  const err = error as NodeJS.ErrnoException & {
    stderr?: string | Buffer;
    stdout?: string | Buffer;
  };
  if (err.code === 'ENOENT') {
    return `The \`go\` command was not found on PATH. ${HOW_TO_GET_GO}`;
  }
  // With -json, go reports module errors on stdout in the "Error" field.
  const detail = [err.stdout, err.stderr]
    .map(part => (part === undefined ? '' : String(part).trim()))
    .filter(Boolean)
    .join('\n');
  return (
    `Downloading the Go module ${OPENCHOREO_MODULE}@${version} failed` +
    `${detail ? `:\n${detail}` : ` (${err.message})`}\n` +
    'Check network access to the Go module proxy (GOPROXY) or pre-fill the module cache with ' +
    `\`go mod download ${OPENCHOREO_MODULE}@${version}\` run outside any Go module.`
  );
}

interface CrdDocument {
  kind?: string;
  spec?: {
    names?: { kind?: string; plural?: string };
    scope?: 'Namespaced' | 'Cluster';
    versions?: Array<{
      name: string;
      served?: boolean;
      schema?: { openAPIV3Schema?: CrdSchema };
    }>;
  };
}

/**
 * Parses config/crd/bases/*.yaml of the OpenChoreo module and returns the CRDs by kind.
 * Only the served `v1alpha1` version is kept; it is the only version OpenChoreo has.
 */
export function loadOpenChoreoCrds(
  version: string = OPENCHOREO_VERSION,
): Map<string, OpenChoreoCrd> {
  const cached = crdSets.get(version);
  if (cached) {
    return cached;
  }
  const dir = path.join(openchoreoModuleDir(version), 'config', 'crd', 'bases');
  const crds = new Map<string, OpenChoreoCrd>();
  for (const file of readdirSync(dir)
    .filter(name => name.endsWith('.yaml'))
    .sort()) {
    for (const doc of parseAllDocuments(
      readFileSync(path.join(dir, file), 'utf8'),
    )) {
      const crd = doc.toJS() as CrdDocument | null;
      if (crd?.kind !== 'CustomResourceDefinition') {
        continue;
      }
      const kind = crd.spec?.names?.kind;
      const served = crd.spec?.versions?.find(
        v => v.name === 'v1alpha1' && v.served !== false,
      );
      const schema = served?.schema?.openAPIV3Schema;
      if (!kind || !crd.spec?.names?.plural || !crd.spec.scope || !schema) {
        throw new Error(
          `${file}: CRD without kind, plural, scope or a served v1alpha1 schema`,
        );
      }
      crds.set(kind, {
        kind,
        plural: crd.spec.names.plural,
        scope: crd.spec.scope,
        openAPIV3Schema: schema,
      });
    }
  }
  if (crds.size === 0) {
    throw new Error(
      `No CRDs found in ${dir}; the OpenChoreo module ${version} looks incomplete`,
    );
  }
  crdSets.set(version, crds);
  return crds;
}

/** Forgets the in-process caches, so a test can exercise the download path again. */
export function __resetOpenChoreoModuleCacheForTests(): void {
  moduleDirs.clear();
  crdSets.clear();
}
