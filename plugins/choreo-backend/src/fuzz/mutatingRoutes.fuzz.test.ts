import { TestDatabases, mockCredentials } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import { Server } from 'node:http';
import request from 'supertest';
import {
  TEST_DATABASE_IDS,
  startChoreoBackend,
} from '../__testUtils__/choreoTestBackend';
import {
  copySampleOrganization,
  eventually,
} from '../__testUtils__/sampleOrganization';
import { FUZZ_USER, FuzzRequest, analyse } from './__testUtils__/fuzzRequest';
import { fuzzRequests } from './__testUtils__/fuzzRequests';
import { jsonText } from './__testUtils__/hostileInputs';
import {
  tableStates,
  writeTrace,
  writesBetween,
} from './__testUtils__/nothingWritten';
import { readSampleFacts, SampleFacts } from './__testUtils__/sampleFacts';

/**
 * "Bad input gets a clear error and loses nothing", for every route that
 * changes something: generated invalid and hostile requests (paths, query
 * strings, bodies, Idempotency-Keys, callers) each get a 4xx with a plain
 * JSON message, never a 5xx or a 2xx, and leave no trace: no commit or
 * changed file in the organization's repository, no successful audit row,
 * no change request, no remembered idempotent answer.
 *
 * Seeded: the seed is printed; FUZZ_SEED=<seed> replays a run (with
 * FUZZ_PATH=<path> from a failure report, only its counterexample), FUZZ_RUNS
 * sets the number of requests.
 */

jest.setTimeout(120_000);

function fromEnv(name: string, fallback: () => number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback();
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${name} must be an integer, not '${text}'`);
  }
  return value;
}

const SEED = fromEnv('FUZZ_SEED', () => (Math.random() * 2 ** 31) | 0);
const RUNS = fromEnv('FUZZ_RUNS', () => 400);

async function send(server: Server, r: FuzzRequest) {
  const path = `/api/choreo${r.route.path(r.segments)}${r.query.text}`;
  let req = request(server)
    .post(path)
    .set('Authorization', r.caller.authorization);
  if (r.key.kind !== 'none') req = req.set('Idempotency-Key', r.key.value);
  switch (r.body.kind) {
    case 'none':
      return req;
    case 'json':
      return req
        .set('Content-Type', 'application/json')
        .send(jsonText(r.body.value));
    default:
      req = req.set('Content-Type', r.body.contentType);
      if (r.body.contentEncoding) {
        req = req.set('Content-Encoding', r.body.contentEncoding);
      }
      return req.send(r.body.text);
  }
}

/** Every refusal of the choreo router: a JSON error whose message says something. */
const JSON_ERROR = {
  type: 'application/json',
  message: expect.stringMatching(/\S/),
};
/** Backstage's own 404, where no route matched at all (an empty path segment): no body. */
const NO_BODY = { type: '', message: undefined };

const databases = TestDatabases.create({ ids: TEST_DATABASE_IDS });

describe.each(databases.eachSupportedId())(
  'mutating routes under fuzzing on %s',
  id => {
    let sample: Awaited<ReturnType<typeof copySampleOrganization>>;
    let backend: Awaited<ReturnType<typeof startChoreoBackend>>;
    let knex: Awaited<ReturnType<typeof databases.init>>;
    let facts: SampleFacts;

    beforeAll(async () => {
      sample = await copySampleOrganization();
      knex = await databases.init(id);
      backend = await startChoreoBackend({ sourceDir: sample.dir, knex });
      facts = await readSampleFacts(sample.dir);
      // the store has read the sample: names that exist are found
      await eventually(() =>
        request(backend.server)
          .get('/api/choreo/components/acme/checkout-api/deployments')
          .set('Authorization', mockCredentials.user.header(FUZZ_USER))
          .expect(200),
      );
    });

    afterAll(async () => {
      await backend?.stop();
      await sample?.cleanup();
    });

    it(`answers ${RUNS} invalid requests with a 4xx and a message, and writes nothing`, async () => {
      // eslint-disable-next-line no-console
      console.log(
        `mutating routes fuzz: seed ${SEED}, ${RUNS} requests (replay with FUZZ_SEED=${SEED})`,
      );
      const initial = await writeTrace(sample.git, knex);
      expect(initial).toMatchObject({
        workTree: '',
        okAudits: 0,
        changeRequests: 0,
        doneKeys: 0,
      });
      // each request is held to what it wrote itself, so that after a write
      // the shrinker still finds the request that made it
      let last = initial;
      const statuses = new Map<string, number>();
      const started = Date.now();

      await fc.assert(
        fc.asyncProperty(fuzzRequests(facts), async r => {
          const { defects, expected, jsonAnswer, stage } = analyse(r, facts);
          // a valid request may write: the generators must never make one
          expect(defects).not.toEqual([]);

          const res = await send(backend.server, r);
          const before = last;
          last = await writeTrace(sample.git, knex);
          const written = writesBetween(before, last);
          const tally = (key: string) =>
            statuses.set(key, (statuses.get(key) ?? 0) + 1);
          tally(`${r.route.name}: ${res.status}`);
          tally(`refused at: ${stage}`);

          if (!expected.includes(res.status)) {
            throw new Error(
              `expected ${expected.join(' or ')} for ${defects.join(
                '; ',
              )}, got ${res.status}: ${res.text.slice(0, 500)}`,
            );
          }
          expect({
            type: res.type,
            message: res.body?.error?.message,
          }).toEqual(jsonAnswer ? JSON_ERROR : NO_BODY);
          expect(written).toEqual([]);
        }),
        {
          seed: SEED,
          numRuns: RUNS,
          ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
        },
      );

      const summary = [
        ...[...statuses]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, n]) => `${k}: ${n}`),
        ...(await tableStates(knex)),
      ];
      // eslint-disable-next-line no-console
      console.log(
        `mutating routes fuzz: ${RUNS} requests in ${
          Date.now() - started
        } ms (seed ${SEED})\n  ${summary.join('\n  ')}`,
      );
      expect(
        writesBetween(initial, await writeTrace(sample.git, knex)),
      ).toEqual([]);
    });
  },
);
