export * from './ChoreoClient';
export * from './serverSentEvents';
