import {
  ConflictError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { KubeApiError } from '../../sources/kubernetes/kubeHttp';
import { FieldOwnershipError } from '../resourceChanges';
import { translateWriteError } from './kubeWriteErrors';

const context = {
  verb: 'apply',
  what: 'ReleaseBinding acme/api-dev',
  server: 'https://cp.example:6443',
};

describe('translateWriteError', () => {
  it('names the fields and managers of a server-side apply conflict', () => {
    const error = translateWriteError(
      new KubeApiError('PATCH', '/x', 409, {
        reason: 'Conflict',
        message:
          'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using openchoreo.dev/v1alpha1: .spec.releaseName',
        details: {
          causes: [
            {
              reason: 'FieldManagerConflict',
              message:
                'conflict with "kubectl-client-side-apply" using openchoreo.dev/v1alpha1',
              field: '.spec.releaseName',
            },
          ],
        },
      }),
      context,
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      'Could not change ReleaseBinding acme/api-dev: spec.releaseName is managed by kubectl-client-side-apply. Confirm to take it over, or ask kubectl-client-side-apply to make the change.',
    );
    expect((error as FieldOwnershipError).owners).toEqual([
      { field: 'spec.releaseName', manager: 'kubectl-client-side-apply' },
    ]);
  });

  it('lists every invalid field with its message', () => {
    const error = translateWriteError(
      new KubeApiError('PATCH', '/x', 422, {
        reason: 'Invalid',
        message: 'Component.openchoreo.dev "api" is invalid: ...',
        details: {
          causes: [
            {
              reason: 'FieldValueInvalid',
              message:
                'Invalid value: "svc": spec.componentType.name in body should match \'^[a-z]+/[a-z-]+$\'',
              field: 'spec.componentType.name',
            },
            {
              reason: 'FieldValueRequired',
              message: 'Required value',
              field: 'spec.owner',
            },
          ],
        },
      }),
      { ...context, what: 'Component acme/api' },
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      'Component acme/api is invalid: spec.componentType.name: Invalid value: "svc": spec.componentType.name in body should match \'^[a-z]+/[a-z-]+$\'; spec.owner: Required value',
    );
  });

  it('says who was refused and what to check when the cluster cannot be reached', () => {
    const forbidden = translateWriteError(
      new KubeApiError('PATCH', '/x', 403, {
        message:
          'releasebindings.openchoreo.dev "api-dev" is forbidden: User "user:default/jane" cannot patch resource',
      }),
      { ...context, impersonated: 'user:default/jane' },
    );
    expect(forbidden).toBeInstanceOf(NotAllowedError);
    expect(forbidden.message).toMatch(
      /^Not allowed to apply ReleaseBinding acme\/api-dev as user:default\/jane: .*cannot patch resource\. Ask a cluster admin/,
    );
    const unreachable = translateWriteError(
      new KubeApiError(
        'PATCH',
        '/x',
        0,
        undefined,
        'connect ECONNREFUSED 10.0.0.1:6443',
      ),
      context,
    );
    expect(unreachable).toBeInstanceOf(ServiceUnavailableError);
    expect(unreachable.message).toMatch(
      /the Kubernetes API server at https:\/\/cp.example:6443 cannot be reached \(connect ECONNREFUSED 10.0.0.1:6443\)\. Check that the cluster is up/,
    );
  });
});
