import { SourceStatus } from '@choreo-for-backstage/plugin-choreo-node';
import { publicSourceStatus } from './sourceHealth';

const failing = (resourceCount: number): SourceStatus => ({
  source: 'acme',
  type: 'directory',
  state: 'failing',
  since: '2026-12-02T10:00:00Z',
  message:
    "Directory '/srv/acme' of Choreo source 'acme' cannot be read (EACCES)",
  problems: [],
  resourceCount,
});

describe('publicSourceStatus', () => {
  it('says a failing source shows nothing only when it has nothing to show', () => {
    expect(publicSourceStatus(failing(0), false)).toMatchObject({
      summary: 'Failing: nothing could be read',
      whatToDo: expect.stringMatching(
        /^The portal shows nothing from this source/,
      ),
    });
  });

  it('says a failing source that had loaded still shows what it read last', () => {
    const status = publicSourceStatus(failing(120), false);
    expect(status).toMatchObject({
      state: 'failing',
      summary: 'Failing: showing the last data it read',
      whatToDo: expect.stringMatching(/^What you see may be out of date/),
      resourceCount: 120,
    });
    // the path stays with those who may see details
    expect(JSON.stringify(status)).not.toContain('/srv/acme');
  });
});
