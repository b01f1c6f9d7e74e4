export * from './cellView';
export * from './edgeTraffic';
