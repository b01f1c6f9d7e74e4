export * from './cellLayoutGraph';
export * from './elkGraph';
