/**
 * Kubernetes name rules, checked before anything is written so a bad name is
 * refused with a message that says how to fix it instead of failing later in
 * the cluster or in Flux/Argo CD.
 *
 * - `subdomain` (RFC 1123 subdomain; most object names): lower-case letters,
 *   digits, '-' and '.', starting and ending with a letter or digit, at most
 *   253 characters.
 * - `label` (RFC 1123 label; namespaces): the same without '.', at most 63.
 */
export type KubernetesNameRule = 'subdomain' | 'label';

const RULES = {
  subdomain: {
    pattern:
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    allowed: /[a-z0-9.-]/,
    maxLength: 253,
    advice:
      "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters",
  },
  label: {
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    allowed: /[a-z0-9-]/,
    maxLength: 63,
    advice:
      "use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters",
  },
} as const;

function quoteList(chars: string[]): string {
  return chars.map(c => (c === ' ' ? "' ' (space)" : `'${c}'`)).join(', ');
}

/** A valid name close to `name`, to suggest in the message. */
function suggestName(name: string, rule: KubernetesNameRule): string {
  const { allowed, maxLength } = RULES[rule];
  const replaced = Array.from(name.toLowerCase(), c =>
    allowed.test(c) ? c : '-',
  ).join('');
  return replaced
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/[-.]+\./g, '.')
    .replace(/\.[-.]+/g, '.')
    .slice(0, maxLength)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/**
 * Why `name` is not a valid Kubernetes name, or `undefined` when it is.
 * `what` names the field in the message, e.g. `name` or `namespace`.
 */
export function kubernetesNameProblem(
  name: string,
  rule: KubernetesNameRule = 'subdomain',
  what = 'name',
): string | undefined {
  const { pattern, allowed, maxLength, advice } = RULES[rule];
  if (name.length <= maxLength && pattern.test(name)) {
    return undefined;
  }
  const reasons: string[] = [];
  if (name.length === 0) {
    reasons.push('it is empty');
  }
  if (name.length > maxLength) {
    reasons.push(`it has ${name.length} characters`);
  }
  if (/[A-Z]/.test(name)) {
    reasons.push('it has upper-case letters');
  }
  const invalid = Array.from(
    new Set(Array.from(name).filter(c => !/[A-Z]/.test(c) && !allowed.test(c))),
  );
  if (invalid.length > 0) {
    reasons.push(`it contains ${quoteList(invalid)}`);
  }
  if (/^[-.]/.test(name) || /[-.]$/.test(name)) {
    reasons.push(
      'it starts or ends with a character other than a letter or digit',
    );
  } else if (rule === 'subdomain' && /\.[-.]|-\./.test(name)) {
    reasons.push("a '.'-separated part starts or ends with '-' or is empty");
  }
  const suggestion = suggestName(name, rule);
  const example =
    suggestion && suggestion !== name ? `, e.g. '${suggestion}'` : '';
  const why = reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
  return `${what} '${name}' is not a valid Kubernetes name${why}: ${advice}${example}`;
}
