/**
 * Backend library of Choreo for Backstage: the ChoreoStore, its sources and writers.
 *
 * @packageDocumentation
 */
export * from './store/types';
export * from './writer/types';
export * from './writer/resourceChanges';
export { ChoreoStore } from './store/ChoreoStore';
export type { ChoreoStoreOptions } from './store/ChoreoStore';
export { readChoreoSourcesConfig, CHOREO_SOURCE_TYPES } from './sources/config';
export type {
  ChoreoSourceConfig,
  DirectorySourceConfig,
  KubernetesSourceConfig,
} from './sources/config';
export type {
  GitRemoteConfig,
  GitHttpsAuthConfig,
  GitSshAuthConfig,
} from './sources/gitRemoteConfig';
export { GitOpsDirectorySource } from './sources/directory/GitOpsDirectorySource';
export type { GitOpsDirectorySourceOptions } from './sources/directory/GitOpsDirectorySource';
export { GitWorkingCopy } from './gitops/GitWorkingCopy';
export type {
  FollowResult,
  GitWorkingCopyOptions,
} from './gitops/GitWorkingCopy';
export { DirectorySource } from './sources/directory/DirectorySource';
export type {
  DirectorySourceOptions,
  ManifestLocator,
} from './sources/directory/DirectorySource';
export { parseManifests } from './sources/directory/manifestParser';
export type {
  ManifestParseResult,
  ParsedResource,
} from './sources/directory/manifestParser';
export { DirectoryWriter } from './writer/directory/DirectoryWriter';
export type { DirectoryWriterOptions } from './writer/directory/DirectoryWriter';
export { GitCommandError } from './writer/directory/gitCommit';
export { conventionalManifestPath } from './writer/directory/manifestLayout';
export {
  validateResource,
  validateResourceKey,
  validateWriteContext,
} from './writer/validateResource';
export {
  choreoStoreServiceRef,
  choreoStoreServiceFactory,
  choreoStoreServiceFactoryFor,
} from './service/choreoStoreService';
export { DefaultChoreoStoreService } from './service/DefaultChoreoStoreService';
export type {
  ChoreoStoreService,
  ChoreoStoreServiceOptions,
  SourceSyncResult,
} from './service/DefaultChoreoStoreService';
export { KubernetesSource } from './sources/kubernetes/KubernetesSource';
export type { KubernetesSourceOptions } from './sources/kubernetes/KubernetesSource';
export {
  KubernetesClientFactory,
  kubeConfigFor,
} from './sources/kubernetes/kubeConfig';
export type { KubernetesConnectionConfig } from './sources/kubernetes/kubeConfig';
export { KubeHttp, KubeApiError } from './sources/kubernetes/kubeHttp';
export type {
  KubeRequestOptions,
  KubeStatus,
  KubeWatchEvent,
} from './sources/kubernetes/kubeHttp';
export {
  KubernetesWriter,
  CHOREO_FIELD_MANAGER,
} from './writer/kubernetes/KubernetesWriter';
export type { KubernetesWriterOptions } from './writer/kubernetes/KubernetesWriter';
export type {
  BuildLogLine,
  BuildLogRequest,
  BuildLogSource,
} from './buildLogs/types';
export { KubernetesBuildLogSource } from './buildLogs/KubernetesBuildLogSource';
export type { KubernetesBuildLogSourceOptions } from './buildLogs/KubernetesBuildLogSource';
export { workflowPlaneKubeConfig } from './buildLogs/workflowPlaneConfig';
export { FlowBuffer } from './flows/FlowBuffer';
export type {
  FlowListener,
  FlowSource,
  FlowSourceProblem,
  FlowSourceState,
  FlowSourceStatus,
} from './flows/FlowBuffer';
export { FlowLogFileSource } from './flows/FlowLogFileSource';
export type { FlowLogFileSourceOptions } from './flows/FlowLogFileSource';
export {
  HubbleRelayClient,
  hubbleGetFlowsRequest,
} from './flows/HubbleRelayClient';
export type {
  HubbleRelayClientOptions,
  HubbleTlsOptions,
} from './flows/HubbleRelayClient';
export {
  loadObserverService,
  hubbleProtoDir,
  timestampFromIso,
} from './flows/hubbleProto';
export {
  resourceOwner,
  namespaceOwner,
  clusterOwner,
  normalizeOwnerRef,
  readOwnerRules,
} from './ownership/resourceOwner';
export type { OwnerRule, OwnershipInput } from './ownership/resourceOwner';
export * from './permissions';
export {
  choreoBuildLogsExtensionPoint,
  choreoFlowSourceExtensionPoint,
} from './extensions';
export type {
  ChoreoBuildLogsExtensionPoint,
  ChoreoFlowSourceExtensionPoint,
} from './extensions';
export * from './authz';
