export * from './resourceScope';
