// Pure builders of the manifests the choreo backend writes when it creates resources.
export * from './manifestMetadata';
export * from './manifestDifferences';
export * from './projectManifest';
export * from './componentManifests';
export * from './environmentManifest';
export * from './pipelineManifest';
export * from './workloadDependency';
