import type { ReasonContext, ReasonWords } from './statusReasons';

const release = (c: ReasonContext) =>
  c.releaseName
    ? `Resource release '${c.releaseName}'`
    : 'The resource release';
const inEnvironment = (c: ReasonContext) =>
  c.environment ? ` in '${c.environment}'` : '';

/**
 * Words for the reasons OpenChoreo v1.2 writes on a ResourceReleaseBinding
 * (internal/controller/resourcereleasebinding) where the component binding's
 * words would be wrong: a resource is provisioned, not deployed, and has no
 * pods of its own to wait for. Reasons not listed here (EnvironmentNotFound,
 * RenderingFailed, …) read the same for both kinds.
 */
export const RESOURCE_BINDING_REASONS: Readonly<Record<string, ReasonWords>> = {
  'ResourceReleaseBinding/Ready': {
    state: 'ready',
    words: 'Provisioned and ready',
  },
  'ResourceReleaseBinding/ResourcesReady': {
    state: 'ready',
    words: 'Provisioned and ready',
  },
  'ResourceReleaseBinding/ResourceReleaseNotSet': {
    state: 'undeployed',
    words: c =>
      `No release promoted${inEnvironment(
        c,
      )} yet: promote one to provision the resource`,
  },
  'ResourceReleaseBinding/ResourceReleaseNotFound': {
    state: 'failed',
    words: c => `${release(c)} does not exist`,
  },
  'ResourceReleaseBinding/ResourceNotFound': {
    state: 'failed',
    words: c =>
      c.resource
        ? `Resource '${c.resource}' does not exist`
        : 'The resource does not exist',
  },
  'ResourceReleaseBinding/ReleaseCreated': {
    state: 'progressing',
    words: c => `Provisioning ${release(c).toLowerCase()}`,
  },
  'ResourceReleaseBinding/ReleaseSynced': {
    state: 'progressing',
    words: 'Preparing the resource',
  },
  'ResourceReleaseBinding/ResourcesProgressing': {
    state: 'progressing',
    words: 'Waiting for the resource to become ready',
    withMessage: true,
  },
  'ResourceReleaseBinding/ResourcesDegraded': {
    state: 'failed',
    words: 'The resource is unhealthy',
    withMessage: true,
  },
  'ResourceReleaseBinding/OutputsResolved': {
    state: 'ready',
    words: 'Provisioned and ready',
  },
  'ResourceReleaseBinding/OutputResolutionFailed': {
    state: 'failed',
    words: 'Some outputs of the resource could not be resolved',
    withMessage: true,
  },
  'ResourceReleaseBinding/SyncedNotReady': {
    state: 'progressing',
    words: 'Waiting for the resource release to be applied',
  },
  'ResourceReleaseBinding/RetainHold': {
    state: 'progressing',
    words:
      'Deleted, but kept on the data plane (retain policy Retain) until a platform engineer releases it',
  },
};
