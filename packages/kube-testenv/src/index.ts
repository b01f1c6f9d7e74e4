export {
  OPENCHOREO_VERSION,
  loadOpenChoreoCrds,
  openchoreoModuleDir,
  __resetOpenChoreoModuleCacheForTests,
} from './openchoreoModule';
export type { CrdSchema, OpenChoreoCrd } from './openchoreoModule';
export { startKubeTestEnv } from './kubeTestEnv';
export type { KubeTestEnv, KubeTestEnvOptions } from './kubeTestEnv';
export { serviceAccountIdentity } from './identities';
export type { KubeIdentity } from './identities';
export { readManifests } from './manifests';
export { startOpenChoreoManager } from './openchoreoManager';
export type {
  OpenChoreoManager,
  OpenChoreoManagerOptions,
} from './openchoreoManager';
export { startOpenChoreoApi } from './openchoreoApi';
export type {
  OpenChoreoApi,
  OpenChoreoApiOptions,
  OpenChoreoApiResponse,
} from './openchoreoApi';
export { startJwksIssuer } from './jwksServer';
export type { JwksIssuer, JwksIssuerOptions } from './jwksServer';
export { BUILD_SCRIPT, binaryCacheDir, locateBinaries } from './binaries';
export type { KubeBinaries } from './binaries';
export {
  BUNDLED_CRDS,
  openchoreoCrdPaths,
  readCrdManifests,
} from './crdInstaller';
export type { BundledCrd } from './crdInstaller';
export {
  KubeApiError,
  StopWaiting,
  kubeCall,
  kubeRequest,
  waitFor,
} from './kubeRest';
export type { KubeConnection, KubeResponse } from './kubeRest';
export {
  createObject,
  getObject,
  listObjects,
  mergePatchObject,
  objectPath,
} from './objectApi';
export type { ObjectRef } from './objectApi';
export { minimalOpenChoreoPlatform } from './openchoreoFixtures';
export type { KubeObject, MinimalPlatformNames } from './openchoreoFixtures';
export type { ManagedProcess } from './managedProcess';
