/**
 * Backend library of Choreo for Backstage: the ChoreoStore, its sources and writers.
 *
 * @packageDocumentation
 */
export * from './store/types';
export * from './writer/types';
