import { expect, Page, test, TestInfo } from '@playwright/test';
import { appShell, screenshot } from '../portalSession';
import { Answer, backstageToken, ChoreoCalls, Write } from './choreoCalls';
import {
  cleanCloneAtRemoteHead,
  git,
  historyIsLinear,
  holdPushes,
  occurrences,
  onRemoteBranch,
  PushHook,
  remoteHead,
  subjectsSince,
} from './gitRemote';
import { signInAs, signInButton } from './oidcSession';
import {
  killReplica,
  Replica,
  replicaNamed,
  replicas,
  restartReplica,
} from './replicaProcesses';

/*
 * Scaled out (scripts/e2e-production.sh): two backend replicas on one
 * PostgreSQL and one Git remote, both serving writes, behind HAProxy. Pat
 * Platform may change staging without approval (examples/acme/platform/
 * access.yaml); the changes go straight to each replica, the retries and the
 * browser through the load balancer. The components are ones the other
 * production tests leave alone.
 */

const PERSON = 'pat.platform';

/** The commit subjects the writer gives these changes (ChangeGate's changeTitle). */
const promoted = (component: string, release: string) =>
  `Promote acme/${component} to staging: ${release} from development`;
const rolledBack = (component: string, release: string) =>
  `Roll back acme/${component} in staging to ${release}`;
const restarted = (component: string) => `Restart acme/${component} in staging`;

async function signedInCalls(page: Page) {
  return new ChoreoCalls(await backstageToken(page));
}

/** Waits until every replica shows the same runs of `components`, and returns them. */
async function sameOnEveryReplica(calls: ChoreoCalls, components: string[]) {
  const views = () =>
    Promise.all(
      replicas().map(r =>
        Promise.all(components.map(c => calls.runs(r.url, c))),
      ),
    );
  await expect
    .poll(
      async () => {
        const [first, ...others] = await views();
        return others.every(
          view => JSON.stringify(view) === JSON.stringify(first),
        );
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe(true);
  const [view] = await views();
  return Object.fromEntries(view.map((runs, i) => [components[i], runs]));
}

/**
 * Sends `writes` at once, spread over the replicas, and checks that each
 * landed exactly once: a 200 naming its commit, that commit on the remote's
 * branch, its subject there once, the history one straight line, and every
 * replica's clone at the same head.
 */
async function landOnceEach(
  calls: ChoreoCalls,
  writes: { write: Write; subject: string }[],
  testInfo: TestInfo,
) {
  const base = await remoteHead();
  const targets = replicas();
  const answers = await Promise.all(
    writes.map(({ write }, i) =>
      calls.write(targets[i % targets.length].url, write),
    ),
  );
  answers.forEach((answer, i) => {
    const what = `${writes[i].subject} (replica ${
      targets[i % targets.length].name
    }): ${JSON.stringify(answer.body ?? answer.error)}`;
    expect(answer.status, what).toBe(200);
    expect(answer.body.result, what).toBe('applied');
    expect(answer.body.commit, what).toMatch(/^[0-9a-f]{40}$/);
  });

  const subjects = await subjectsSince(base);
  testInfo.annotations.push({
    type: 'remote history',
    description: subjects.join(' | '),
  });
  expect([...subjects].sort()).toEqual(writes.map(w => w.subject).sort());
  expect([...occurrences(subjects).values()].every(n => n === 1)).toBe(true);
  expect(await historyIsLinear()).toBe(true);
  const commits = answers.map(a => a.body.commit as string);
  expect(new Set(commits).size).toBe(commits.length);
  for (const commit of commits) {
    expect(await onRemoteBranch(commit), commit).toBe(true);
  }
  // every replica follows the remote to the same head
  const head = await remoteHead();
  await expect
    .poll(
      () =>
        Promise.all(targets.map(r => git(r.clone, 'rev-parse', 'HEAD'))).then(
          heads => heads.every(h => h === head),
        ),
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(true);
}

test.describe('two replicas behind a load balancer', () => {
  // a replica takes a minute or more to start again on a busy 2-CPU machine
  test.describe.configure({ timeout: 10 * 60_000 });

  test('concurrent promotions sent to both replicas land once each, in one order', async ({
    browser,
  }, testInfo) => {
    const { context, page } = await signInAs(browser, PERSON);
    const calls = await signedInCalls(page);
    const components = [
      'shop-web',
      'catalog-api',
      'cart-service',
      'shipping-api',
      'route-planner',
    ];
    const plan = await Promise.all(
      components.map(async name => {
        const { environments, releases } = await calls.deployments(
          replicas()[0].url,
          name,
        );
        const running = (env: string) =>
          environments.find(e => e.environment === env)?.releaseName;
        const newest = running('development')!;
        const older = releases.map(r => r.name).find(r => r !== newest)!;
        expect(older, `${name} has a release besides ${newest}`).toBeTruthy();
        return { name, newest, older, staging: running('staging') };
      }),
    );

    // Staging back to the older release where it runs the newest: rollbacks.
    const rollbacks = plan
      .filter(p => p.staging === p.newest)
      .map(p => ({
        write: {
          action: 'rollback',
          component: p.name,
          body: { environment: 'staging', releaseName: p.older },
        },
        subject: rolledBack(p.name, p.older),
      }));
    await landOnceEach(calls, rollbacks, testInfo);
    const rolledBackRuns = await sameOnEveryReplica(calls, components);
    for (const p of plan) {
      expect(rolledBackRuns[p.name].staging).toMatch(
        new RegExp(`^${p.older} `),
      );
    }

    // Then every one of them promoted from development to staging, at once.
    await landOnceEach(
      calls,
      plan.map(p => ({
        write: {
          action: 'promote',
          component: p.name,
          body: { from: 'development', to: 'staging' },
        },
        subject: promoted(p.name, p.newest),
      })),
      testInfo,
    );
    const promotedRuns = await sameOnEveryReplica(calls, components);
    for (const p of plan) {
      expect(promotedRuns[p.name].staging).toMatch(new RegExp(`^${p.newest} `));
    }
    await context.close();
  });

  test('a replica killed in the middle of a write leaves the change landed once or not at all', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const portal = baseURL!;
    const { context, page } = await signInAs(browser, PERSON);
    const calls = await signedInCalls(page);
    const [a, b] = replicas();
    const base = await remoteHead();
    const run = Date.now().toString(36);

    // Replica a dies while its push waits before the branch moves ...
    const beforeLanding: Write = {
      action: 'restart',
      component: 'session-store',
      body: { environment: 'staging' },
    };
    const beforeKey = `e2e-${run}-before-landing`;
    const first = await killDuringPush(a, 'pre-receive', () =>
      calls.write(a.url, beforeLanding, beforeKey),
    );
    // ... and replica b after it moved, before b heard so.
    const afterLanding: Write = {
      action: 'restart',
      component: 'search-indexer',
      body: { environment: 'staging' },
    };
    const afterKey = `e2e-${run}-after-landing`;
    const second = await killDuringPush(b, 'post-receive', () =>
      calls.write(b.url, afterLanding, afterKey),
    );
    // neither client got an answer
    expect(first.status, JSON.stringify(first)).toBe(0);
    expect(second.status, JSON.stringify(second)).toBe(0);
    expect(await subjectsSince(base)).toEqual([restarted('search-indexer')]);

    // Both come back at once, each with a clean clone at the remote's head.
    await Promise.all([a, b].map(r => restartReplica(r, portal)));
    for (const r of [a, b]) {
      await cleanCloneAtRemoteHead(r.clone);
    }

    // The clients retry through the load balancer with the same keys.
    const retries = {
      [beforeKey]: await calls.write(portal, beforeLanding, beforeKey),
      [afterKey]: await calls.write(portal, afterLanding, afterKey),
    };
    for (const [key, answer] of Object.entries(retries)) {
      testInfo.annotations.push({
        type: `retry ${key}`,
        description: `${answer.status} from replica ${
          answer.replica
        }: ${JSON.stringify(answer.body)}`,
      });
    }
    const subjects = occurrences(await subjectsSince(base));
    // the change that landed is not applied again ...
    expect(subjects.get(restarted('search-indexer'))).toBe(1);
    // ... and the one that did not lands at most once, and only if answered so
    const retried = subjects.get(restarted('session-store')) ?? 0;
    expect(retried).toBe(retries[beforeKey].status === 200 ? 1 : 0);
    expect(await historyIsLinear()).toBe(true);
    await sameOnEveryReplica(calls, ['session-store', 'search-indexer']);
    await context.close();
  });

  test('an approval cut off by a dying replica lands once and is not applied again', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const portal = baseURL!;
    const sam = await signInAs(browser, 'sam.storefront');
    const rita = await signInAs(browser, 'rita.release');
    const asSam = await signedInCalls(sam.page);
    const asRita = await signedInCalls(rita.page);
    const b = replicas()[1];

    // Sam asks to promote shop-web to production; it waits for approval.
    const ask = await asSam.write(portal, {
      action: 'promote',
      component: 'shop-web',
      body: { from: 'staging', to: 'production' },
    });
    expect(ask.status, JSON.stringify(ask.body)).toBe(202);
    const { id, change } = ask.body.request;
    const approve = `/api/choreo/change-requests/${id}/approve`;

    // Rita approves on replica b, which dies once the branch moved.
    const base = await remoteHead();
    const key = `e2e-${Date.now().toString(36)}-approval`;
    const approval = await killDuringPush(b, 'post-receive', () =>
      asRita.post(b.url, approve, {}, key),
    );
    expect(approval.status, JSON.stringify(approval)).toBe(0);
    const subject = `Promote acme/shop-web to production: ${change.releaseName} from staging`;
    expect(await subjectsSince(base)).toEqual([subject]);

    await restartReplica(b, portal);
    await cleanCloneAtRemoteHead(b.clone);

    // Rita tries again through the load balancer: with the same key, and anew.
    const sameKey = await asRita.post(portal, approve, {}, key);
    const anew = await asRita.post(portal, approve, {});
    const request = await asRita.changeRequest(portal, 'shop-web', id);
    testInfo.annotations.push(
      {
        type: 'approval retried with its key',
        description: `${sameKey.status}: ${JSON.stringify(sameKey.body)}`,
      },
      {
        type: 'approval sent again',
        description: `${anew.status}: ${JSON.stringify(anew.body)}`,
      },
      { type: 'change request after the restart', description: request?.state },
    );
    expect(anew.status).toBe(409);
    expect(occurrences(await subjectsSince(base)).get(subject)).toBe(1);
    // it landed: neither waiting nor failed (an interrupted apply is
    // settled as applied once ChangeGate's sweep finds it stuck)
    expect(['applying', 'applied']).toContain(request?.state);
    const runs = await sameOnEveryReplica(asRita, ['shop-web']);
    expect(runs['shop-web'].production).toMatch(
      new RegExp(`^${change.releaseName} `),
    );
    await sam.context.close();
    await rita.context.close();
  });

  test('a signed-in person stays signed in when a replica dies', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const { context, page } = await signInAs(browser, PERSON);
    const answered = page.waitForResponse(r =>
      r.url().includes('/api/auth/oidc/refresh'),
    );
    await page.goto('/catalog/acme/component/shipping-api');
    const lost = replicaNamed(
      (await answered).headers()['x-choreo-replica'] ?? '',
    );
    await killReplica(lost);
    try {
      // The next page: still signed in, from the other replica.
      await page.goto('/catalog/acme/component/shipping-api/deploy');
      await expect(appShell(page)).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'environment staging' }),
      ).toBeVisible();
      await expect(signInButton(page)).toHaveCount(0);
      await screenshot(page, testInfo, 'replicas-signed-in-after-losing-one');
    } finally {
      await restartReplica(lost, baseURL!);
    }
    await context.close();
  });

  test('an open flow stream reconnects through the other replica and says so', async ({
    browser,
    baseURL,
  }, testInfo) => {
    const { context, page } = await signInAs(browser, PERSON);
    const opened = page.waitForResponse(r => r.url().includes('/flows/stream'));
    await page.goto('/catalog/acme/component/shipping-api/network');
    const lost = replicaNamed(
      (await opened).headers()['x-choreo-replica'] ?? '',
    );
    await expect(
      page.getByRole('table', { name: 'Flows' }).getByRole('row').nth(1),
    ).toBeVisible();
    await expect(page.getByText(/^Live ·/)).toBeVisible();
    const reopened = page.waitForResponse(
      r =>
        r.url().includes('/flows/stream') &&
        r.headers()['x-choreo-replica'] !== lost.name,
      { timeout: 45_000 },
    );
    reopened.catch(() => undefined); // awaited below, once it matters

    await killReplica(lost);
    try {
      // a reconnect takes seconds; the other replica is up all along
      const reconnected = page.getByText(/^Live \(reconnected 1 time\)/);
      await expect(reconnected).toBeVisible({ timeout: 45_000 });
      await reopened;
      await expect(page.getByText('Could not stream the flows')).toHaveCount(0);
      await screenshot(page, testInfo, 'replicas-flow-stream-after-losing-one');
    } finally {
      await restartReplica(lost, baseURL!);
    }
    await context.close();
  });
});

/**
 * Holds the next push in `hook`, sends `write`, waits until its push waits
 * there, kills `replica`, lets pushes through again, and gives what the
 * client of `write` got.
 */
async function killDuringPush(
  replica: Replica,
  hook: PushHook,
  write: () => Promise<Answer>,
): Promise<Answer> {
  const hold = await holdPushes(hook);
  // a write never rejects: a broken connection is an answer too
  const answer = write();
  try {
    await hold.waitUntilHeld();
    await killReplica(replica);
  } finally {
    await hold.release();
  }
  return answer;
}
