import {
  classifyGitFailure,
  notFetchedError,
  notPushedError,
  pushRejection,
  remoteLines,
} from './remoteErrors';

describe('classifyGitFailure', () => {
  it.each([
    [
      "fatal: could not read Username for 'https://h': terminal prompts disabled",
      'auth',
    ],
    ["fatal: Authentication failed for 'https://h/x.git/'", 'auth'],
    ['The requested URL returned error: 403', 'auth'],
    [
      'git@h: Permission denied (publickey).\nfatal: Could not read from remote repository.',
      'auth',
    ],
    [
      'Host key verification failed.\nfatal: Could not read from remote repository.',
      'hostKey',
    ],
    [
      "fatal: unable to access 'https://h/': server certificate verification failed. CAfile: x",
      'tls',
    ],
    [
      "fatal: unable to access 'https://h/': Failed to connect to h port 443: Connection refused",
      'unreachable',
    ],
    [
      'ssh: Could not resolve hostname h: Name or service not known',
      'unreachable',
    ],
    [
      "fatal: '/srv/x.git' does not appear to be a git repository",
      'unreachable',
    ],
    ["fatal: couldn't find remote ref refs/heads/main", 'missingBranch'],
    ['warning: Could not find remote branch main to clone.', 'missingBranch'],
    ['fatal: something new', 'other'],
  ])('%s → %s', (said, kind) => {
    expect(classifyGitFailure(said)).toBe(kind);
  });
});

describe('pushRejection', () => {
  const line = (summary: string) =>
    `To https://h/x.git\n!\tabc:refs/heads/main\t${summary}\nDone\n`;

  it.each([
    ['[rejected] (fetch first)', 'moved', 'fetch first'],
    ['[rejected] (non-fast-forward)', 'moved', 'non-fast-forward'],
    [
      '[remote rejected] (failed to update ref)',
      'moved',
      'failed to update ref',
    ],
    [
      "[remote rejected] (cannot lock ref 'refs/heads/main': is at 1 but expected 2)",
      'moved',
      "cannot lock ref 'refs/heads/main': is at 1 but expected 2",
    ],
    [
      '[remote rejected] (pre-receive hook declined)',
      'refused',
      'pre-receive hook declined',
    ],
    [
      '[remote rejected] (protected branch hook declined)',
      'refused',
      'protected branch hook declined',
    ],
  ])('%s is %s', (summary, kind, reason) => {
    expect(pushRejection(line(summary))).toEqual({ kind, reason });
  });

  it('finds nothing in a push that landed or never got an answer', () => {
    expect(
      pushRejection('To h\n \tabc:refs/heads/main\t1..2\nDone\n'),
    ).toBeUndefined();
    expect(pushRejection('')).toBeUndefined();
  });

  it('reads what the remote said', () => {
    expect(
      remoteLines(
        'remote: protected branch        \nremote: \nerror: failed to push',
      ),
    ).toEqual(['protected branch']);
  });
});

describe('the errors a caller gets', () => {
  it('says what happened and what to do, in one line', () => {
    expect(
      notPushedError('moved', 'https://h/x.git', { attempts: 5 }),
    ).toMatchObject({
      name: 'ConflictError',
      message:
        'The change was not saved: the GitOps repository https://h/x.git kept changing while it was being saved (5 attempts). Nothing was written; look again and retry.',
    });
    expect(
      notPushedError('refused', 'https://h/x.git', {
        reason: 'hook declined: frozen',
      }),
    ).toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'The change was not saved: the GitOps repository https://h/x.git refused the push (hook declined: frozen). Nothing was written; ask a platform engineer whether the portal may push to this branch.',
    });
    for (const kind of [
      'auth',
      'hostKey',
      'tls',
      'missingBranch',
      'unreachable',
      'other',
    ] as const) {
      const error = notPushedError(kind, 'https://h/x.git', { branch: 'main' });
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toMatch(
        /^The change was not saved: .*\. Nothing was written; retry in a moment\.$/,
      );
      expect(error.message).not.toContain('\n');
    }
    expect(
      notFetchedError('unreachable', 'https://h/x.git', 'main').message,
    ).toBe(
      'The source could not be brought up to date: the GitOps repository https://h/x.git cannot be reached. It keeps serving what it last fetched.',
    );
  });
});
