/**
 * choreo:* scaffolder actions. Every action is a thin client of the choreo
 * backend's HTTP API, called with the task initiator's credentials, so
 * permissions, four-eyes approval and the audit log stay in one place.
 */
export { scaffolderModuleChoreo as default } from './module';
export * from './actions';
