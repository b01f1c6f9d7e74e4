import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  AddDependencyRequest,
  CreateComponentRequest,
  CreateEnvironmentRequest,
  CreatePipelineRequest,
  CreateProjectRequest,
  CreateResponse,
} from '@choreo-for-backstage/plugin-choreo-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { Caller, callerOf } from '../shared/caller';
import { Answer, IdempotencyKeys } from '../shared/IdempotencyKeys';
import { ResourceCreationService } from './ResourceCreationService';
import {
  choreoLabelName,
  componentParams,
  parse,
  shallowJsonObject,
} from '../shared/requestContext';

/**
 * Names of projects, components, environments and endpoints become label
 * values and DNS labels in the data plane: RFC 1123 labels.
 */
const choreoName = choreoLabelName;

const envVarName = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'must be an environment variable name (letters, digits and _, not starting with a digit)',
  );

const described = {
  displayName: z.string().max(253).optional(),
  description: z.string().max(2000).optional(),
  owner: z.string().min(1).optional(),
};

/** Deeper than any component type's or workflow's parameter schema goes. */
const parameters = shallowJsonObject(32);

const projectBody: z.ZodType<CreateProjectRequest> = z
  .object({
    name: choreoName,
    ...described,
    deploymentPipeline: choreoName.optional(),
    projectType: z
      .object({
        kind: z.enum(['ProjectType', 'ClusterProjectType']),
        name: choreoName,
      })
      .strict()
      .optional(),
  })
  .strict();

const dependencyBody: z.ZodType<AddDependencyRequest> = z
  .object({
    project: choreoName.optional(),
    component: choreoName,
    name: choreoName,
    visibility: z.enum(['project', 'namespace']),
    envBindings: z
      .object({
        address: envVarName.optional(),
        host: envVarName.optional(),
        port: envVarName.optional(),
        basePath: envVarName.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const port = z.number().int().min(1).max(65535);

const endpointBody = z
  .object({
    name: choreoName,
    type: z.enum(['HTTP', 'gRPC', 'GraphQL', 'Websocket', 'TCP', 'UDP']),
    port,
    targetPort: port.optional(),
    displayName: z.string().optional(),
    visibility: z
      .array(z.enum(['project', 'namespace', 'internal', 'external']))
      .optional(),
    basePath: z.string().startsWith('/').optional(),
    schema: z
      .object({ type: z.string().optional(), content: z.string().optional() })
      .strict()
      .optional(),
  })
  .strict();

const sourceBody = z.union([
  z.object({ image: z.string().trim().min(1) }).strict(),
  z
    .object({
      repository: z
        .object({
          url: z.string().url(),
          branch: z.string().min(1).optional(),
          appPath: z.string().min(1).optional(),
        })
        .strict(),
      workflow: z
        .object({
          kind: z.enum(['Workflow', 'ClusterWorkflow']).optional(),
          name: choreoName,
          parameters: parameters.optional(),
        })
        .strict(),
    })
    .strict(),
]);

const componentBody: z.ZodType<CreateComponentRequest> = z
  .object({
    project: choreoName,
    name: choreoName,
    ...described,
    componentType: z
      .object({
        kind: z.enum(['ComponentType', 'ClusterComponentType']),
        name: z.string().min(1),
      })
      .strict(),
    parameters: parameters.optional(),
    autoDeploy: z.boolean().optional(),
    source: sourceBody,
    endpoints: z
      .array(endpointBody)
      .superRefine((endpoints, ctx) => {
        const seen = new Set<string>();
        endpoints.forEach((e, i) => {
          if (seen.has(e.name)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'name'],
              message: `endpoint '${e.name}' is named twice; endpoint names must be unique`,
            });
          }
          seen.add(e.name);
        });
      })
      .optional(),
    dependencies: z.array(dependencyBody).max(50).optional(),
  })
  .strict();

const environmentBody: z.ZodType<CreateEnvironmentRequest> = z
  .object({
    name: choreoName,
    ...described,
    dataPlaneRef: z
      .object({
        kind: z.enum(['DataPlane', 'ClusterDataPlane']),
        name: choreoName,
      })
      .strict(),
    isProduction: z.boolean().optional(),
  })
  .strict();

const pipelineBody: z.ZodType<CreatePipelineRequest> = z
  .object({
    name: choreoName,
    ...described,
    promotionPaths: z
      .array(
        z
          .object({
            sourceEnvironment: choreoName,
            targets: z.array(choreoName).min(1),
          })
          .strict()
          .refine(p => !p.targets.includes(p.sourceEnvironment), {
            message: 'an environment cannot promote to itself',
          }),
      )
      .min(1),
  })
  .strict();

const namespaceParams = z.object({ namespace: choreoName });
const dryRunQuery = z.object({
  dryRun: z.enum(['true', 'false']).optional(),
});

/** 201 when something was created, 200 otherwise (unchanged, updated, dry run). */
function answerOf(response: CreateResponse): Answer {
  const created =
    response.result === 'applied' &&
    response.resources.some(r => r.action === 'created');
  return { status: created ? 201 : 200, body: response };
}

/** Creating projects, components, environments, pipelines and dependencies. */
export function creationRoutes(deps: {
  httpAuth: HttpAuthService;
  resources: ResourceCreationService;
  idempotency: IdempotencyKeys;
}) {
  const { httpAuth, resources, idempotency } = deps;
  const router = Router();

  /**
   * Checks the caller (401 without credentials, 403 for a service, whatever
   * the input), parses path, `?dryRun` and body (400 naming the field), then
   * runs the create.
   */
  function post<P, B>(
    path: string,
    params: z.ZodType<P>,
    body: z.ZodType<B>,
    create: (
      params: P,
      body: B,
      caller: Caller,
      options: { dryRun: boolean },
    ) => Promise<CreateResponse>,
  ) {
    router.post(path, async (req, res) => {
      const caller = await callerOf(httpAuth, req, { write: true });
      const parsedParams = parse(params, req.params, 'path');
      const { dryRun } = parse(dryRunQuery, req.query, 'query');
      const parsedBody = parse(body, req.body, 'request body');
      await idempotency.respond(req, res, caller, async () =>
        answerOf(
          await create(parsedParams, parsedBody, caller, {
            dryRun: dryRun === 'true',
          }),
        ),
      );
    });
  }

  post(
    '/namespaces/:namespace/projects',
    namespaceParams,
    projectBody,
    (p, b, c, o) => resources.createProject(p.namespace, b, c, o),
  );
  post(
    '/namespaces/:namespace/components',
    namespaceParams,
    componentBody,
    (p, b, c, o) => resources.createComponent(p.namespace, b, c, o),
  );
  post(
    '/namespaces/:namespace/environments',
    namespaceParams,
    environmentBody,
    (p, b, c, o) => resources.createEnvironment(p.namespace, b, c, o),
  );
  post(
    '/namespaces/:namespace/pipelines',
    namespaceParams,
    pipelineBody,
    (p, b, c, o) => resources.createPipeline(p.namespace, b, c, o),
  );
  post(
    '/components/:namespace/:name/dependencies',
    componentParams,
    dependencyBody,
    (p, b, c, o) => resources.addDependency(p, b, c, o),
  );

  return router;
}
