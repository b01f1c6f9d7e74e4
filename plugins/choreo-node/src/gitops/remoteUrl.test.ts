import { parseRemoteUrl, redactText, redactUrl } from './remoteUrl';

describe('parseRemoteUrl', () => {
  it.each([
    ['https://git.example.com/a/b.git', 'https', false, false],
    ['https://portal@git.example.com/a/b.git', 'https', true, false],
    ['https://portal:secret@git.example.com/a/b.git', 'https', true, true],
    ['http://git.example.com/a.git', 'http', false, false],
    ['ssh://git@git.example.com:2222/a/b.git', 'ssh', true, false],
    ['git+ssh://git.example.com/a.git', 'ssh', false, false],
    ['git@github.com:acme/gitops.git', 'ssh', true, false],
    ['github.com:acme/gitops.git', 'ssh', false, false],
    ['file:///srv/gitops.git', 'file', false, false],
    ['/srv/gitops.git', 'file', false, false],
  ])('%s is %s', (url, transport, hasUser, hasPassword) => {
    expect(parseRemoteUrl(url)).toEqual({ transport, hasUser, hasPassword });
  });

  it.each([
    '',
    'gitops',
    'ftp://host/x.git',
    'https://host/a b.git',
    'relative/path',
  ])('refuses %j', url => {
    expect(parseRemoteUrl(url)).toBeUndefined();
  });
});

describe('redaction', () => {
  it('blanks the userinfo of a URL', () => {
    expect(redactUrl('https://portal:secret@git.example.com/a.git')).toBe(
      'https://***@git.example.com/a.git',
    );
    expect(redactUrl('ssh://git@h/a.git')).toBe('ssh://***@h/a.git');
    expect(redactUrl('https://git.example.com/a.git')).toBe(
      'https://git.example.com/a.git',
    );
    expect(redactUrl('git@github.com:acme/gitops.git')).toBe(
      'git@github.com:acme/gitops.git',
    );
  });

  it('blanks URLs, secrets and their base64 form anywhere in a text', () => {
    const header = Buffer.from('portal:t0ken-x').toString('base64');
    expect(
      redactText(
        `fatal: unable to access 'https://u:p@h/x.git/': t0ken-x\nAuthorization: Basic ${header}`,
        ['t0ken-x', 'portal:t0ken-x'],
      ),
    ).toBe(
      "fatal: unable to access 'https://***@h/x.git/': ***\nAuthorization: Basic ***",
    );
  });
});
