import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startChoreoBackend } from '../__testUtils__/choreoTestBackend';
import { copySampleOrganization } from '../__testUtils__/sampleOrganization';
import { grantsPolicy } from '../__testUtils__/testPolicies';

jest.setTimeout(60_000);

const ADMIN = 'user:default/pat';
const DEVELOPER = 'user:default/dev';
const as = (user: string) => mockCredentials.user.header(user);

/** Pat may see source details; the developer everything else. */
const policy = grantsPolicy(
  { [DEVELOPER]: permission => permission !== 'choreo.sources.read' },
  () => true,
);

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Outside',
      GIT_AUTHOR_EMAIL: 'outside@example.com',
      GIT_COMMITTER_NAME: 'Outside',
      GIT_COMMITTER_EMAIL: 'outside@example.com',
    },
  }).trim();

describe('POST /sources/:name/sync', () => {
  let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
  let backend: Awaited<ReturnType<typeof startChoreoBackend>>;
  let bare: string;

  beforeAll(async () => {
    // the sample as a GitOps remote (a bare repository beside it), and the
    // copy as someone's clone of it that pushes outside the portal
    sample = await copySampleOrganization();
    bare = `${sample.dir}.git`;
    git(path.dirname(bare), 'init', '--quiet', '--bare', bare);
    git(sample.dir, 'push', '--quiet', bare, 'HEAD:main');
    backend = await startChoreoBackend({
      sourceDir: sample.dir,
      policy,
      config: {
        sources: [
          {
            type: 'directory',
            name: 'acme',
            path: `${sample.dir}-portal`,
            git: { remote: { url: bare, fetchInterval: { hours: 1 } } },
          },
          {
            type: 'directory',
            name: 'local',
            path: sample.dir,
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await sample?.cleanup(); // its folder holds the remote and the clone
  });

  const sync = (name: string, user: string) =>
    request(backend.server)
      .post(`/api/choreo/sources/${name}/sync`)
      .set('Authorization', as(user));

  it('fetches the remote now for those who may see source details', async () => {
    const head = git(sample.dir, 'rev-parse', 'HEAD');
    expect((await sync('acme', ADMIN).expect(200)).body).toEqual({
      source: 'acme',
      head,
      changed: false,
    });

    await fs.writeFile(path.join(sample.dir, 'note.yaml'), 'note: pushed\n');
    git(sample.dir, 'add', 'note.yaml');
    git(sample.dir, 'commit', '--quiet', '-m', 'Pushed outside the portal');
    git(sample.dir, 'push', '--quiet', bare, 'HEAD:main');

    expect((await sync('acme', ADMIN).expect(200)).body).toEqual({
      source: 'acme',
      head: git(sample.dir, 'rev-parse', 'HEAD'),
      changed: true,
    });
  });

  it('refuses the others, and says when there is nothing to fetch', async () => {
    const denied = await sync('acme', DEVELOPER).expect(403);
    expect(denied.body.error.message).toMatch(
      /^You may not fetch a Choreo source: the permission policy denies 'choreo.sources.read'/,
    );
    const local = await sync('local', ADMIN).expect(400);
    expect(local.body.error.message).toBe(
      "Choreo source 'local' does not follow a Git remote, so there is nothing to fetch; it picks up changes on its own",
    );
    await sync('nope', ADMIN).expect(404);
  });
});
