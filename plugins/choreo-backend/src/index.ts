/**
 * Backend plugin of Choreo for Backstage: the HTTP API of the entity pages
 * (deployments, changes with four-eyes approval, audit, builds, cell
 * topology and flows). Modules extend it through the extension points of
 * @choreo-for-backstage/plugin-choreo-node.
 *
 * @packageDocumentation
 */
export { choreoPlugin as default } from './plugin';
