import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freeClosedPort } from '../../buildLogs/__testUtils__/closedPort';
import { ensureGitServers } from './ensureGitServers';
import { startServer } from './serverProcess';
import { TestGitRemote } from './TestGitRemote';

export interface HttpsGitServer {
  /** https://127.0.0.1:<port>/git/gitops.git */
  url: string;
  /** The self-signed certificate, to trust as git.remote.https.caFile. */
  caFile: string;
  /**
   * Runs `script` (sh) once, when the next push arrives and before git
   * receives it: a push from outside the portal between its fetch and push.
   */
  beforeNextPush(script: string): void;
  stop(): Promise<void>;
}

function selfSignedCertificate(dir: string) {
  const key = path.join(dir, 'server.key');
  const cert = path.join(dir, 'server.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'pipe' },
  );
  return { key, cert };
}

/**
 * Debian's lighttpd serving `git http-backend` for the remote over HTTPS on a
 * free loopback port, every request behind basic auth with one user.
 */
export async function startHttpsGitServer(
  remote: TestGitRemote,
  user: { username: string; password: string },
): Promise<HttpsGitServer> {
  ensureGitServers();
  const dir = remote.folder('https');
  fs.mkdirSync(path.join(dir, 'www'), { recursive: true });
  const { key, cert } = selfSignedCertificate(dir);
  fs.writeFileSync(
    path.join(dir, 'users'),
    `${user.username}:${user.password}\n`,
    { mode: 0o600 },
  );
  const backend = path.join(
    execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim(),
    'git-http-backend',
  );
  const race = path.join(dir, 'before-next-push.sh');
  // lighttpd passes the CGI little environment; the race script needs git
  const cgi = path.join(dir, 'git-cgi.sh');
  fs.writeFileSync(
    cgi,
    [
      '#!/bin/sh',
      'export PATH=/usr/local/bin:/usr/bin:/bin',
      `export HOME='${dir}'`,
      `if [ "$REQUEST_METHOD" = POST ] && [ "\${PATH_INFO##*/}" = git-receive-pack ] && [ -f '${race}' ]; then`,
      `  mv '${race}' '${race}.running' && sh '${race}.running' >&2`,
      'fi',
      `exec '${backend}'`,
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  const port = await freeClosedPort();
  const config = path.join(dir, 'lighttpd.conf');
  fs.writeFileSync(
    config,
    `server.modules = ("mod_auth", "mod_authn_file", "mod_alias", "mod_cgi", "mod_setenv", "mod_openssl")
server.document-root = "${dir}/www"
server.bind = "127.0.0.1"
server.port = ${port}
server.errorlog = "${dir}/error.log"
ssl.engine = "enable"
ssl.pemfile = "${cert}"
ssl.privkey = "${key}"
auth.backend = "plain"
auth.backend.plain.userfile = "${dir}/users"
alias.url = ( "/git" => "${cgi}" )
$HTTP["url"] =~ "^/git" {
  cgi.assign = ( "" => "" )
  setenv.add-environment = ( "GIT_PROJECT_ROOT" => "${path.dirname(
    remote.bare,
  )}", "GIT_HTTP_EXPORT_ALL" => "" )
  auth.require = ( "" => ( "method" => "basic", "realm" => "git", "require" => "valid-user" ) )
}
`,
  );
  const server = await startServer(
    '/usr/sbin/lighttpd',
    ['-D', '-f', config],
    port,
  );
  return {
    url: `https://127.0.0.1:${port}/git/${path.basename(remote.bare)}`,
    caFile: cert,
    beforeNextPush: script => fs.writeFileSync(race, `${script}\n`),
    stop: server.stop,
  };
}
