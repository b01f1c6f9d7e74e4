export * from './choreoResourceRef';
export * from './choreoPermissions';
export * from './openChoreoActions';
