import path from 'node:path';

/** Files and ports of one test control plane, all under `dir`. */
export interface ControlPlaneLayout {
  dir: string;
  etcdClientPort: number;
  etcdPeerPort: number;
  apiServerPort: number;
}

export const layoutFiles = (layout: ControlPlaneLayout) => ({
  etcdData: path.join(layout.dir, 'etcd'),
  certDir: path.join(layout.dir, 'pki'),
  /** Written by kube-apiserver itself (--cert-dir): its self-signed serving certificate plus CA. */
  servingCert: path.join(layout.dir, 'pki', 'apiserver.crt'),
  tokenFile: path.join(layout.dir, 'tokens.csv'),
  serviceAccountKey: path.join(layout.dir, 'service-account.key'),
  serviceAccountPub: path.join(layout.dir, 'service-account.pub'),
  kubeconfig: path.join(layout.dir, 'kubeconfig.yaml'),
});

export const etcdUrl = (layout: ControlPlaneLayout) =>
  `http://127.0.0.1:${layout.etcdClientPort}`;

/** A single-member etcd on loopback that trades durability for speed (a test cluster is thrown away). */
export function etcdArgs(layout: ControlPlaneLayout): string[] {
  const peer = `http://127.0.0.1:${layout.etcdPeerPort}`;
  return [
    '--name=kube-testenv',
    `--data-dir=${layoutFiles(layout).etcdData}`,
    `--listen-client-urls=${etcdUrl(layout)}`,
    `--advertise-client-urls=${etcdUrl(layout)}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=kube-testenv=${peer}`,
    '--unsafe-no-fsync',
    '--log-level=warn',
  ];
}

/**
 * kube-apiserver on 127.0.0.1 with what a bare control plane needs: static-token auth (the admin
 * is in system:masters, so RBAC allows everything while other users stay testable), its own
 * self-signed serving certificate in --cert-dir, service-account signing keys (mandatory since
 * 1.20), and no admission plugin that waits for controllers we do not run (ServiceAccount would
 * reject pods until a token controller created the default account).
 */
export function apiServerArgs(layout: ControlPlaneLayout): string[] {
  const files = layoutFiles(layout);
  return [
    `--etcd-servers=${etcdUrl(layout)}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${layout.apiServerPort}`,
    `--cert-dir=${files.certDir}`,
    `--token-auth-file=${files.tokenFile}`,
    '--authorization-mode=RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${files.serviceAccountPub}`,
    `--service-account-signing-key-file=${files.serviceAccountKey}`,
    '--service-cluster-ip-range=10.0.0.0/24',
    '--disable-admission-plugins=ServiceAccount',
    '--allow-privileged=true',
    // The endpoint reconciler would publish 127.0.0.1 as the `kubernetes` Service endpoint,
    // which Endpoints validation rejects as loopback; nothing in the tests needs that Service.
    '--endpoint-reconciler-type=none',
    '--profiling=false',
  ];
}

/** A kubeconfig for a bearer token: the admin's (clients and the manager use it) or another identity's. */
export function kubeconfigYaml(
  server: string,
  caData: string,
  token: string,
  user = 'kube-testenv-admin',
): string {
  const ca = Buffer.from(caData, 'utf8').toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '  - name: kube-testenv',
    '    cluster:',
    `      server: ${server}`,
    `      certificate-authority-data: ${ca}`,
    'users:',
    `  - name: ${JSON.stringify(user)}`,
    '    user:',
    `      token: ${token}`,
    'contexts:',
    '  - name: kube-testenv',
    '    context:',
    '      cluster: kube-testenv',
    `      user: ${JSON.stringify(user)}`,
    '      namespace: default',
    'current-context: kube-testenv',
    '',
  ].join('\n');
}
