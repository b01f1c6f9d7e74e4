/**
 * Isomorphic domain library of Choreo for Backstage: OpenChoreo v1.2 resource
 * types, constants, and pure domain logic shared by backend and frontend.
 *
 * @packageDocumentation
 */
export * from './constants';
export * from './resources';
export * from './domain';
export * from './permissions';
export * from './api';
export * from './entityAnnotations';
export * from './flows';
export * from './cellLayout';
export * from './cellView';
export * from './client';
export * from './manifests';
