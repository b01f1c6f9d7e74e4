export * from './ChoreoClient';
export type { ChoreoClientOptions, RequestOptions } from './ChoreoHttp';
export * from './serverSentEvents';
