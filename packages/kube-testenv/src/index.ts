export {
  OPENCHOREO_VERSION,
  loadOpenChoreoCrds,
  openchoreoModuleDir,
  __resetOpenChoreoModuleCacheForTests,
} from './openchoreoModule';
export type { CrdSchema, OpenChoreoCrd } from './openchoreoModule';
