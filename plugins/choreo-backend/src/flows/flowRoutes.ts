import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  FLOW_VERDICTS,
  FlowVerdict,
  choreoComponentReadPermission,
  choreoSourcesReadPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  FlowSource,
} from '@choreo-for-backstage/plugin-choreo-node';
import { sendEventStream } from '../streams/eventStream';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import {
  componentParams,
  kubernetesName,
  parse,
} from '../shared/requestContext';
import { Caller, actorOf, callerOf } from '../shared/caller';
import { StreamLimiter } from '../streams/StreamLimiter';
import { componentScope, projectScope } from '../permissions/scopes';
import { FlowService } from './FlowService';
import { TopologyService } from '../topology/TopologyService';
import { FlowStreamFilter, flowStreamItems } from './flowStream';
import { windowMs } from './flowWindow';

const windowParam = z
  .string()
  .regex(/^[1-9]\d{0,5}[smh]$/, 'must be a duration like 30s, 15m or 2h')
  .optional();

const snapshotQuery = z.object({
  environment: kubernetesName,
  window: windowParam,
});

/** A project's traffic without an environment: the first of its pipeline, as for the topology. */
const projectSnapshotQuery = z.object({
  environment: kubernetesName.optional(),
  window: windowParam,
});

const streamQuery = z.object({
  environment: kubernetesName,
  verdict: z.enum(FLOW_VERDICTS as [FlowVerdict, ...FlowVerdict[]]).optional(),
  direction: z.enum(['ingress', 'egress']).optional(),
  peer: kubernetesName.optional(),
});

/** Hubble flows of a project or component: aggregate snapshots and live SSE streams. */
export function flowRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
  authorizer: ChoreoAuthorizer;
  flows: FlowService;
  topology: TopologyService;
  flowSource: FlowSource | undefined;
  streams: StreamLimiter;
  streamTimeoutMs: number;
  /** Flows queued per stream client before the oldest are dropped. */
  streamBufferSize: number;
}) {
  const router = Router();
  const source = () => {
    if (!deps.flowSource) {
      throw new ServiceUnavailableError(
        'Network flows need a Hubble flow source: set choreo.hubble (file: a Hubble JSON flow log, or relay.address: hubble-relay)',
      );
    }
    return deps.flowSource;
  };

  const stream = async (
    res: Parameters<typeof sendEventStream>[0],
    caller: Caller,
    filter: FlowStreamFilter,
  ) => {
    const flowSource = source();
    const release = deps.streams.acquire(actorOf(caller.credentials));
    try {
      await sendEventStream(
        res,
        signal =>
          flowStreamItems(flowSource, filter, deps.streamBufferSize, signal),
        {
          event: 'flow',
          toEvent: item => item,
          timeoutMs: deps.streamTimeoutMs,
        },
      );
    } finally {
      release();
    }
  };

  // the relay's address and the flow file's path are for platform engineers
  router.get('/flows/status', async (req, res) => {
    const { credentials } = await callerOf(deps.httpAuth, req);
    const { message, problems, ...status } = source().status();
    const details = await deps.authorizer.allowedBasic(
      credentials,
      choreoSourcesReadPermission,
    );
    res.json(details ? { ...status, message, problems } : status);
  });

  router.get('/projects/:namespace/:name/flows', async (req, res) => {
    const ref = parse(componentParams, req.params, 'project');
    const query = parse(projectSnapshotQuery, req.query, 'query');
    const caller = await callerOf(deps.httpAuth, req);
    await deps.authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      projectScope(deps.store, ref),
      `see the traffic of ${ref.namespace}/${ref.name}`,
    );
    res.json(
      deps.flows.snapshot(
        source(),
        {
          namespace: ref.namespace,
          project: ref.name,
          environment: deps.topology.environmentOf(
            { namespace: ref.namespace, project: ref.name },
            query.environment,
          ),
        },
        windowMs(query.window),
      ),
    );
  });

  router.get('/components/:namespace/:name/flows', async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const query = parse(snapshotQuery, req.query, 'query');
    const caller = await callerOf(deps.httpAuth, req);
    await deps.authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      componentScope(deps.store, ref),
      `see the traffic of ${ref.namespace}/${ref.name}`,
    );
    res.json(
      deps.flows.snapshot(
        source(),
        {
          namespace: ref.namespace,
          project: deps.flows.projectOf(ref),
          environment: query.environment,
          component: ref.name,
        },
        windowMs(query.window),
      ),
    );
  });

  router.get('/projects/:namespace/:name/flows/stream', async (req, res) => {
    const ref = parse(componentParams, req.params, 'project');
    const { environment, ...filters } = parse(streamQuery, req.query, 'query');
    const caller = await callerOf(deps.httpAuth, req);
    await deps.authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      projectScope(deps.store, ref),
      `see the traffic of ${ref.namespace}/${ref.name}`,
    );
    source();
    // validates project and environment before the stream starts
    deps.flows.checkCell(ref.namespace, ref.name, environment);
    await stream(res, caller, {
      cell: { cpNamespace: ref.namespace, environment, project: ref.name },
      ...filters,
    });
  });

  router.get('/components/:namespace/:name/flows/stream', async (req, res) => {
    const ref = parse(componentParams, req.params, 'component');
    const { environment, ...filters } = parse(streamQuery, req.query, 'query');
    const caller = await callerOf(deps.httpAuth, req);
    await deps.authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      componentScope(deps.store, ref),
      `see the traffic of ${ref.namespace}/${ref.name}`,
    );
    source();
    const project = deps.flows.projectOf(ref);
    deps.flows.checkCell(ref.namespace, project, environment);
    await stream(res, caller, {
      cell: {
        cpNamespace: ref.namespace,
        environment,
        project,
        component: ref.name,
      },
      ...filters,
    });
  });

  return router;
}
