import {
  ActionContext,
  TemplateExample,
  createTemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  ChoreoClient,
  CreateResponse,
  DryRunOptions,
} from '@choreo-for-backstage/plugin-choreo-common';
import { z } from 'zod/v3';
import { Zod, parseActionInput } from './actionInput';
import { createOutputShape, createResources } from './createResources';
import { ChoreoActionDeps, initiatorClient } from './initiatorClient';

type Connection = Awaited<ReturnType<typeof initiatorClient>>;

/** The one create call an action makes, worked out from its parsed input. */
export interface ResourceCreation {
  /** Checkpoint key; unique per step and target. */
  key: string;
  call: (
    client: ChoreoClient,
    options: DryRunOptions,
  ) => Promise<CreateResponse>;
  /** Output `entityRef`: the catalog entity the created resource becomes. */
  entityRef: string;
  /** Further outputs, set after `entityRef`. */
  outputs?: Record<string, unknown>;
}

/**
 * A `choreo:*:create`-style action: parse the input (refinements and
 * defaults), work out the one create call, run it through createResources
 * (dry run or checkpointed write) as the initiator, output the entity ref.
 */
export function createResourceAction<TInput extends z.AnyZodObject>(
  deps: ChoreoActionDeps,
  spec: {
    id: string;
    description: string;
    examples: TemplateExample[];
    inputSchema: (zImpl: Zod) => TInput;
    entityRefDescription: string;
    /** Outputs beyond `entityRef` and the shared create outputs. */
    outputShape?: (zImpl: Zod) => z.ZodRawShape;
    /**
     * Validates the input and names the call. `connect` gives the initiator's
     * client, for lookups the call depends on; it connects once.
     */
    creation: (
      input: z.output<TInput>,
      context: {
        ctx: ActionContext<any, any>;
        connect: () => Promise<Connection>;
      },
    ) => ResourceCreation | Promise<ResourceCreation>;
  },
) {
  return createTemplateAction({
    id: spec.id,
    description: spec.description,
    examples: spec.examples,
    supportsDryRun: true,
    schema: {
      input: spec.inputSchema,
      output: (zImpl: Zod) =>
        zImpl.object({
          entityRef: zImpl.string().describe(spec.entityRefDescription),
          ...spec.outputShape?.(zImpl),
          ...createOutputShape(zImpl),
        }),
    },
    async handler(ctx) {
      const input = parseActionInput(spec.id, spec.inputSchema(z), ctx.input);
      let connection: Promise<Connection> | undefined;
      const connect = () => (connection ??= initiatorClient(deps, ctx));
      const creation = await spec.creation(input, { ctx, connect });
      const { client, options } = await connect();
      await createResources(ctx, {
        key: creation.key,
        call: ({ dryRun, idempotencyKey }) =>
          creation.call(client, { ...options, dryRun, idempotencyKey }),
      });
      ctx.output('entityRef', creation.entityRef);
      // further outputs are declared by spec.outputShape, unknown to the types here
      const untyped: ActionContext<any, any> = ctx;
      for (const [name, value] of Object.entries(creation.outputs ?? {})) {
        untyped.output(name, value);
      }
    },
  });
}
