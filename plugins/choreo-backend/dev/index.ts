import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';

// Standalone development backend: `yarn start` in this package, then e.g.
//
//   curl http://localhost:7007/api/choreo/components/acme/checkout-api/deployments
//   curl http://localhost:7007/api/choreo/projects/acme/payments/topology?environment=development
//   curl -X POST http://localhost:7007/api/choreo/components/acme/checkout-api/promote \
//        -H 'Content-Type: application/json' -d '{"from":"development","to":"staging"}'
//
// The Choreo sources come from `choreo.sources` in the app config; auth and
// permissions are mocked (every request is a signed-in user who may do anything).
const backend = createBackend();
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(mockServices.permissions.factory());
backend.add(import('../src'));
backend.start();
