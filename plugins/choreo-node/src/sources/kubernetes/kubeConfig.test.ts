import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, NotFoundError } from '@backstage/errors';
import { KubernetesClientFactory, kubeConfigFor } from './kubeConfig';

const kubeconfig = `
apiVersion: v1
kind: Config
clusters:
  - name: dev
    cluster: { server: 'https://dev.example:6443' }
  - name: prod
    cluster: { server: 'https://prod.example:6443' }
users:
  - name: me
    user: { token: abc }
contexts:
  - name: dev
    context: { cluster: dev, user: me }
  - name: prod
    context: { cluster: prod, user: me }
current-context: dev
`;

describe('kubeConfigFor', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
    file = path.join(dir, 'config');
    writeFileSync(file, kubeconfig);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses the given context of a kubeconfig file', () => {
    const kc = kubeConfigFor({ name: 'cp', kubeconfig: file, context: 'prod' });
    expect(kc.getCurrentCluster()?.server).toBe('https://prod.example:6443');
  });

  it('builds a configuration from url and token', () => {
    const kc = kubeConfigFor({
      name: 'cp',
      url: 'https://cp.example:6443',
      token: 't0ken',
    });
    expect(kc.getCurrentCluster()?.server).toBe('https://cp.example:6443');
    expect(kc.getCurrentUser()?.token).toBe('t0ken');
  });

  it('says what is wrong with a broken kubeconfig without quoting its lines (they may hold a token)', () => {
    const broken = path.join(dir, 'broken');
    writeFileSync(
      broken,
      'users:\n  - name: me\n    user:\n      token: s3cr3t-token\n     bad: indentation\n',
    );
    const attempt = () => kubeConfigFor({ name: 'cp', kubeconfig: broken });
    expect(attempt).toThrow(InputError);
    const message = (() => {
      try {
        attempt();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(
      /^choreo.sources 'cp': the kubeconfig .* is not valid YAML/,
    );
    expect(message).not.toContain('s3cr3t');
  });

  it('says which keys to fix', () => {
    expect(() =>
      kubeConfigFor({ name: 'cp', kubeconfig: file, context: 'staging' }),
    ).toThrow(
      new InputError(
        "choreo.sources 'cp': context 'staging' is not in the kubeconfig; it has 'dev', 'prod'",
      ),
    );
    expect(() =>
      kubeConfigFor({ name: 'cp', kubeconfig: file, url: 'https://x' }),
    ).toThrow(/sets kubeconfig and url; choose one way to reach the cluster/);
  });

  it('hands out the configuration of a named source to other readers', () => {
    const factory = new KubernetesClientFactory([
      { name: 'cp', kubeconfig: file },
    ]);
    expect(factory.kubeConfig('cp').getCurrentCluster()?.server).toBe(
      'https://dev.example:6443',
    );
    expect(() => factory.kubeConfig('other')).toThrow(NotFoundError);
  });
});
