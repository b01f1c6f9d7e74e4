import { CHOREO_KINDS } from '@choreo-for-backstage/plugin-choreo-common';
import { ChoreoStore } from '../../store/ChoreoStore';
import { KubernetesSource } from './KubernetesSource';
import { kubeConfigFor } from './kubeConfig';

describe('KubernetesSource', () => {
  it('fails with a message saying what to check when the API server cannot be reached', async () => {
    const store = new ChoreoStore();
    const source = new KubernetesSource({
      name: 'prod-cp',
      // Port 9 (discard) on loopback: nothing answers.
      kubeConfig: kubeConfigFor({
        name: 'prod-cp',
        url: 'https://127.0.0.1:9',
        token: 'unused',
      }),
      watcher: { backoff: { initialMs: 60_000 } },
    });
    try {
      await source.start(store.sinkFor('prod-cp', 'kubernetes'));
      const [status] = store.sources();
      expect(status.state).toBe('failing');
      expect(status.message).toMatch(
        /^Cannot read the control plane at https:\/\/127\.0\.0\.1:9: .*could not reach the API server: .*ECONNREFUSED/,
      );
      // Every collection failed, and the message counts the rest rather than listing them.
      expect(status.message).toContain(
        `(and ${
          CHOREO_KINDS.length - 1
        } more collections). Check the source's url/kubeconfig`,
      );
      expect(status.resourceCount).toBe(0);
    } finally {
      await source.stop();
    }
  });
});
