import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FlowRecord } from '@choreo-for-backstage/plugin-choreo-common';
import { eventually } from '../testUtils/eventually';
import { FlowLogFileSource } from './FlowLogFileSource';
import { ACME_FLOWS } from './__testUtils__/sampleOrganization';

describe('FlowLogFileSource', () => {
  let dir: string;
  let lines: string[];
  const sources: FlowLogFileSource[] = [];
  const open = (
    file: string,
    options: { follow?: boolean; bufferSize?: number } = {},
  ) => {
    const s = new FlowLogFileSource({ path: file, pollMs: 20, ...options });
    sources.push(s);
    return s;
  };

  beforeAll(async () => {
    lines = (await fs.readFile(ACME_FLOWS, 'utf8')).trim().split('\n');
  });
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'flowlog-'));
  });
  afterEach(async () => {
    await Promise.all(sources.splice(0).map(s => s.stop()));
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps only the latest flows and counts bad lines without stopping', async () => {
    const file = path.join(dir, 'flows.jsonl');
    await fs.writeFile(
      file,
      [
        lines[0],
        'this is not json',
        lines[1],
        '{"flow": {}}',
        '',
        lines[2],
      ].join('\n'),
    );
    const source = open(file, { follow: false, bufferSize: 2 });
    await source.start();
    expect(source.recent().map(r => r.uuid)).toEqual([
      JSON.parse(lines[1]).flow.uuid,
      JSON.parse(lines[2]).flow.uuid,
    ]);
    expect(source.status()).toMatchObject({
      state: 'streaming',
      received: 3,
      invalid: 2,
      problems: [
        { line: 2, message: expect.stringMatching(/^not JSON/) },
        { line: 4, message: 'flow has no time' },
      ],
    });
  });

  it('follows appends, including a line written in two parts, and filters by cell', async () => {
    const file = path.join(dir, 'flows.jsonl');
    await fs.writeFile(file, `${lines.slice(0, 10).join('\n')}\n`);
    const source = open(file);
    await source.start();
    const payments: FlowRecord[] = [];
    source.subscribe(r => payments.push(r), {
      cpNamespace: 'acme',
      environment: 'development',
      project: 'payments',
    });
    expect(source.recent()).toHaveLength(10);

    const rest = `${lines.slice(10).join('\n')}\n`;
    const cut = rest.length / 2;
    await fs.appendFile(file, rest.slice(0, cut));
    await fs.appendFile(file, rest.slice(cut));
    await eventually(() => expect(source.recent()).toHaveLength(76));
    expect(source.status().invalid).toBe(0);
    expect(payments.length).toBeGreaterThan(5);
    expect(
      payments.every(r =>
        [r.source.identity, r.destination.identity].some(
          i =>
            i.kind === 'component' &&
            i.project === 'payments' &&
            i.environment === 'development',
        ),
      ),
    ).toBe(true);
  });

  it('reads a truncated file again from the start and waits for a missing one', async () => {
    const file = path.join(dir, 'later.jsonl');
    const source = open(file);
    await source.start();
    expect(source.status()).toMatchObject({
      state: 'failing',
      message: expect.stringContaining('does not exist'),
    });
    await fs.writeFile(file, `${lines.slice(0, 5).join('\n')}\n`);
    await eventually(() =>
      expect(source.status()).toMatchObject({
        state: 'streaming',
        received: 5,
      }),
    );
    await fs.writeFile(file, `${lines[70]}\n`);
    await eventually(() => expect(source.status().received).toBe(6));
    expect(source.recent().at(-1)?.uuid).toBe(JSON.parse(lines[70]).flow.uuid);
  });
});
