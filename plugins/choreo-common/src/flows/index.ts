export * from './flowRecord';
export { identityFromLabels, flowPeerId } from './flowIdentity';
export * from './hubbleFlow';
export * from './aggregateFlows';
export * from './classifyObservedTraffic';
export * from './flowSourceStatus';
