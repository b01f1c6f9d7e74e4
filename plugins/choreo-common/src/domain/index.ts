export * from './resourceScope';
export * from './k8sName';
export * from './cellNamespaceName';
export * from './promotionGraph';
export * from './statusReasons';
export type { StatusSummary } from './conditionSummary';
export { findCondition } from './conditionSummary';
export * from './statusSummary';
export * from './workflowRunStatus';
