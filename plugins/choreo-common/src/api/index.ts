// Response types of the choreo backend API, shared with the frontend client.
export * from './deployments';
export * from './approvals';
export * from './builds';
export * from './flows';
export * from './resources';
export * from './access';
