import {
  ConflictError,
  CustomErrorBase,
  ServiceUnavailableError,
} from '@backstage/errors';

/** Why talking to the remote failed. */
export type RemoteFailureKind =
  /** wrong or missing password, token or key */
  | 'auth'
  /** the SSH server's key is not the known one */
  | 'hostKey'
  /** the HTTPS certificate is not trusted */
  | 'tls'
  /** no answer, unknown host, no such repository */
  | 'unreachable'
  /** the configured branch is not on the remote */
  | 'missingBranch'
  /** the remote declined the push (a hook, branch protection) */
  | 'refused'
  /** someone else pushed first */
  | 'moved'
  | 'other';

/**
 * A git operation against the remote failed. The message is git's output
 * with credentials and URL userinfo already blanked out; it may name local
 * paths, so it is for logs and source details, not for a write's caller.
 */
export class GitRemoteError extends CustomErrorBase {
  name = 'GitRemoteError' as const;

  constructor(readonly kind: RemoteFailureKind, message: string) {
    super(message);
  }
}

const PATTERNS: Array<[RemoteFailureKind, RegExp]> = [
  [
    'hostKey',
    /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|No \S+ host key is known/i,
  ],
  [
    'tls',
    /server certificate verification failed|SSL certificate problem|certificate verify failed|unable to get local issuer certificate/i,
  ],
  [
    'auth',
    /Authentication failed|could not read (Username|Password)|returned error: 40[13]|HTTP 40[13]|Permission denied \(|Permission denied, please try again|Invalid username or password|Load key .*: (bad permissions|invalid format)/i,
  ],
  [
    'missingBranch',
    /couldn't find remote ref|Remote branch \S+ not found|Could not find remote branch/i,
  ],
  [
    'unreachable',
    /Could not resolve host|Could not resolve hostname|Connection refused|timed out|Failed to connect|Network is unreachable|No route to host|Connection reset|Connection closed|early EOF|unable to access|does not appear to be a git repository|Repository not found|returned error: 404|Could not read from remote repository/i,
  ],
];

/** Sorts git's complaint about a fetch, clone or push into a kind of failure. */
export function classifyGitFailure(said: string): RemoteFailureKind {
  return PATTERNS.find(([, pattern]) => pattern.test(said))?.[0] ?? 'other';
}

export interface PushRejection {
  kind: 'moved' | 'refused';
  /** git's reason, e.g. `fetch first` or `pre-receive hook declined`. */
  reason: string;
}

// the client saw a newer head; or the head moved while receive-pack held it
const MOVED =
  /fetch first|non-fast-forward|stale info|cannot lock ref|failed to update ref|incorrect old value|failed to lock|but expected/;

/**
 * Reads the ref line of `git push --porcelain`: `!` means the ref was not
 * updated. Rejected as not a fast-forward (checked by the client) or because
 * the ref moved while receive-pack held it (checked by the server): someone
 * pushed first. Any other remote rejection is the remote's decision.
 */
export function pushRejection(porcelain: string): PushRejection | undefined {
  for (const line of porcelain.split('\n')) {
    const match =
      /^!\t[^\t]*\t\[(remote rejected|rejected)\](?: \((.*)\))?/.exec(line);
    if (!match) {
      continue;
    }
    const reason = match[2] ?? match[1];
    const moved = MOVED.test(reason);
    return { kind: moved ? 'moved' : 'refused', reason };
  }
  return undefined;
}

/** What the remote said to the pusher (`remote:` lines), e.g. a hook's reason. */
export function remoteLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .map(line => /^remote:\s?(.*)$/.exec(line)?.[1]?.trim())
    .filter((line): line is string => Boolean(line));
}

/** What went wrong with the remote and what to do, as a clause for a message. */
function remoteTrouble(
  kind: RemoteFailureKind,
  repo: string,
  details: { reason?: string; branch?: string },
): string {
  switch (kind) {
    case 'refused':
      return `${repo} refused the push${
        details.reason ? ` (${details.reason})` : ''
      }`;
    case 'auth':
      return `${repo} did not accept the portal's credentials; a platform engineer should check the source's git.remote credentials`;
    case 'hostKey':
      return `the SSH host key of ${repo} is not the one in git.remote.ssh.knownHostsFile; a platform engineer should check the source's known hosts`;
    case 'tls':
      return `the TLS certificate of ${repo} is not trusted; a platform engineer should set the source's git.remote.https.caFile`;
    case 'missingBranch':
      return `the branch '${details.branch}' is not in ${repo}; a platform engineer should push a first commit to it or fix git.remote.branch`;
    case 'unreachable':
      return `${repo} cannot be reached`;
    default:
      return `git could not talk to ${repo} (the backend log has git's output)`;
  }
}

/**
 * The error a write's caller gets when its commit could not be pushed. One
 * line that says what happened and what to do; the remote only by its
 * (redacted) URL, no local paths, no git output except a refusing remote's
 * own reason.
 */
export function notPushedError(
  kind: RemoteFailureKind,
  remote: string,
  details: { reason?: string; attempts?: number; branch?: string } = {},
): Error {
  const repo = `the GitOps repository ${remote}`;
  if (kind === 'moved') {
    return new ConflictError(
      `The change was not saved: ${repo} kept changing while it was being saved (${
        details.attempts ?? 1
      } attempts). Nothing was written; look again and retry.`,
    );
  }
  const retry =
    kind === 'refused'
      ? 'ask a platform engineer whether the portal may push to this branch'
      : 'retry in a moment';
  return new ServiceUnavailableError(
    `The change was not saved: ${remoteTrouble(
      kind,
      repo,
      details,
    )}. Nothing was written; ${retry}.`,
  );
}

/** The error of an on-demand fetch that failed; same rules as notPushedError. */
export function notFetchedError(
  kind: RemoteFailureKind,
  remote: string,
  branch: string,
): Error {
  return new ServiceUnavailableError(
    `The source could not be brought up to date: ${remoteTrouble(
      kind,
      `the GitOps repository ${remote}`,
      { branch },
    )}. It keeps serving what it last fetched.`,
  );
}

/** A push whose answer was lost: it may or may not have landed. */
export function maybePushedError(remote: string): Error {
  return new ServiceUnavailableError(
    `The change may or may not have been saved: the connection to the GitOps repository ${remote} broke during the push and it cannot be asked now. Look again in a moment before you retry.`,
  );
}
