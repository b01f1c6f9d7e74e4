import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CELL_LAYOUT_LIMITS,
  CellLayoutGraph,
  FlowSnapshot,
  choreoComponentReadPermission,
} from '@choreo-for-backstage/plugin-choreo-common';
import {
  ChoreoStoreReader,
  FlowSource,
} from '@choreo-for-backstage/plugin-choreo-node';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { FlowService } from '../flows/FlowService';
import { windowMs } from '../flows/flowWindow';
import { ChoreoAuthorizer } from '../permissions/ChoreoAuthorizer';
import { projectScope } from '../permissions/scopes';
import { actorOf, callerOf } from '../shared/caller';
import {
  componentParams,
  kubernetesName,
  parse,
} from '../shared/requestContext';
import { TopologyService } from '../topology/TopologyService';
import { CellLayoutService } from './CellLayoutService';

const size = z.number().positive().max(100_000);
const nodeId = z.string().min(1).max(1000);

const cellLayoutGraph = z.object({
  nodes: z
    .array(
      z.object({
        id: nodeId,
        width: size,
        height: size,
        partition: z.union([z.literal(0), z.literal(1), z.literal(2)]),
      }),
    )
    .min(1)
    .max(CELL_LAYOUT_LIMITS.nodes),
  edges: z
    .array(z.object({ source: nodeId, target: nodeId }))
    .max(CELL_LAYOUT_LIMITS.edges),
});

/** Without an environment: the first of the project's pipeline, as for the topology. */
const openingQuery = z.object({ environment: kubernetesName.optional() });

/**
 * Layouts of Cell diagrams.
 *
 * `GET /projects/:namespace/:name/cell-layout`: the positions of the view a
 * visit of the Cell tab opens with (openingViewOptions over the topology and
 * the default traffic window), so the browser can ask for them with the
 * topology instead of after it. The answer carries the layout id: the
 * browser uses it only when its own view has the same id, and else asks
 * with its graph. Needs the read permission on the project.
 *
 * `POST /projects/:namespace/:name/cell-layout`: positions for a cell
 * diagram's graph, for a caller who may read the project. One new layout
 * per caller at a time (429 beyond), so nobody can take the shared queue
 * from everyone else. Mounted before the router's JSON parser: big cells
 * exceed its 100 kB limit.
 */
export function cellLayoutRoutes(deps: {
  httpAuth: HttpAuthService;
  store: ChoreoStoreReader;
  authorizer: ChoreoAuthorizer;
  layouts: CellLayoutService;
  topology: TopologyService;
  flows: FlowService;
  /** Without one the opening view has no traffic, as in the browser. */
  flowSource: FlowSource | undefined;
}) {
  const router = Router();

  const authorizeRead = async (req: Request) => {
    const ref = parse(componentParams, req.params, 'project');
    const caller = await callerOf(deps.httpAuth, req);
    await deps.authorizer.authorize(
      caller.credentials,
      choreoComponentReadPermission,
      projectScope(deps.store, ref),
      `see the cell layout of ${ref.namespace}/${ref.name}`,
    );
    return { ref, actor: actorOf(caller.credentials) };
  };

  router.get('/projects/:namespace/:name/cell-layout', async (req, res) => {
    const query = parse(openingQuery, req.query, 'query');
    const { ref, actor } = await authorizeRead(req);
    const cell = { namespace: ref.namespace, project: ref.name };
    const environment = deps.topology.environmentOf(cell, query.environment);
    const topology = deps.topology.topology(cell, environment);
    let flows: FlowSnapshot | undefined;
    try {
      flows =
        deps.flowSource &&
        deps.flows.snapshot(
          deps.flowSource,
          { ...cell, environment },
          windowMs(),
        );
    } catch {
      // the browser draws the cell without traffic then, and so does this
    }
    res.json(await deps.layouts.openingLayout(topology, flows, actor));
  });

  router.post(
    '/projects/:namespace/:name/cell-layout',
    express.json({ limit: '8mb' }),
    async (req, res) => {
      const { actor } = await authorizeRead(req);
      const graph: CellLayoutGraph = parse(
        cellLayoutGraph,
        req.body,
        'cell layout graph',
      );
      const ids = new Set<string>();
      for (const n of graph.nodes) {
        if (ids.has(n.id)) {
          throw new InputError(
            `Invalid cell layout graph: node id '${n.id}' appears more than once`,
          );
        }
        ids.add(n.id);
      }
      const unknown = graph.edges
        .flatMap(e => [e.source, e.target])
        .find(id => !ids.has(id));
      if (unknown !== undefined) {
        throw new InputError(
          `Invalid cell layout graph: an edge names node '${unknown}', which is not among the nodes`,
        );
      }
      res.json(await deps.layouts.layout(graph, actor));
    },
  );
  return router;
}
