import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CELL_LAYOUT_LIMITS,
  CellLayoutGraph,
} from '@choreo-for-backstage/plugin-choreo-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { callerOf, parse } from '../routes/requestContext';
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

/**
 * `POST /cell-layouts`: positions for a cell diagram's graph. Reads and
 * changes nothing of the organization (the caller already read the
 * topology it drew the graph from), so it needs a signed-in caller but no
 * permission. Mounted before the router's JSON parser: big cells exceed its
 * 100 kB limit.
 */
export function cellLayoutRoutes(deps: {
  httpAuth: HttpAuthService;
  layouts: CellLayoutService;
}) {
  const router = Router();
  router.post(
    '/cell-layouts',
    express.json({ limit: '8mb' }),
    async (req, res) => {
      await callerOf(deps.httpAuth, req);
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
      res.json(await deps.layouts.layout(graph));
    },
  );
  return router;
}
