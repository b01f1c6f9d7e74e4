import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * Length limits OpenChoreo passes to its name generator
 * (`internal/dataplane/kubernetes/name.go`).
 */
export const K8S_NAME_LIMITS = {
  /** DNS subdomain: most object names. */
  resource: 253,
  /** DNS label: namespaces, services, label values. */
  label: 63,
  namespace: 63,
  cronJob: 52,
} as const;

const HASH_LENGTH = 8;
const SEPARATOR = '-';

const encoder = new TextEncoder();
const byteLength = (s: string) => encoder.encode(s).length;

/**
 * Lower-case, turn everything but letters, digits, `-` and `.` into `-`, and
 * trim `-`/`.` at both ends. Go keeps any Unicode letter or digit
 * (`unicode.IsLetter`/`IsNumber`), so we do too.
 */
function sanitizePart(part: string): string {
  return part
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.-]/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * The first `maxBytes` UTF-8 bytes of `s`. Go slices by byte; for the ASCII
 * names Kubernetes accepts this is identical. For other text we stop before a
 * character that would be split, where Go would leave a broken byte sequence.
 */
function truncateBytes(s: string, maxBytes: number): string {
  if (byteLength(s) <= maxBytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const size = byteLength(ch);
    if (used + size > maxBytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/** The first 8 hex characters of sha256 over the UTF-8 bytes of `input`. */
export function hash8(input: string): string {
  return bytesToHex(sha256(utf8ToBytes(input))).slice(0, HASH_LENGTH);
}

/** Options of {@link generateK8sName}. */
export interface K8sNameOptions {
  /** Maximum length of the result; defaults to 253 (DNS subdomain). */
  limit?: number;
  /** Mixed into the hash without appearing in the name (Go: GenerateK8sNameWithExtraHashInput). */
  extraHashInput?: string;
}

/**
 * OpenChoreo's `GenerateK8sName`: sanitised parts joined with `-`, each part
 * cut to an equal share of the length budget (the first parts get the
 * remainder), then `-{hash8}` of the raw parts joined with `-`. Changing any
 * detail here would point the product at objects that do not exist.
 */
export function generateK8sName(
  parts: readonly string[],
  options: K8sNameOptions = {},
): string {
  const limit = options.limit ?? K8S_NAME_LIMITS.resource;
  if (parts.length === 0) {
    throw new RangeError('generateK8sName needs at least one name part');
  }
  let hashInput = parts.join(SEPARATOR);
  if (options.extraHashInput) {
    hashInput += SEPARATOR + options.extraHashInput;
  }
  const hash = hash8(hashInput);

  // One separator between parts and one before the hash.
  const budget = limit - HASH_LENGTH - parts.length * SEPARATOR.length;
  if (budget < 0) {
    throw new RangeError(
      `A limit of ${limit} leaves no room for ${parts.length} name parts`,
    );
  }
  const share = Math.floor(budget / parts.length);
  const remainder = budget % parts.length;

  const base = parts
    .map(sanitizePart)
    .map((part, i) => truncateBytes(part, i < remainder ? share + 1 : share))
    .join(SEPARATOR);

  return `${base}${SEPARATOR}${hash}`.replace(
    /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu,
    '',
  );
}
