import { ASTNode, Environment, ParseResult } from '@marcbachmann/cel-js';

/** The outcome of one condition expression, as OpenChoreo tells them apart. */
export type CelOutcome =
  | { result: boolean }
  | {
      /** Compile error, evaluation error or a result that is not a bool. */
      error: string;
    };

/** What an expression is evaluated against: the `resource` map, or nothing at all. */
export type CelActivation = ReadonlyMap<string, string> | undefined;

// cel-go's standard library as OpenChoreo's environment has it (no extension
// libraries). The JS library also offers string extensions such as
// lowerAscii() and split(); cel-go rejects those at compile time, so do we.
const GLOBAL_FUNCTIONS = new Set([
  'has',
  'size',
  'int',
  'uint',
  'double',
  'string',
  'bytes',
  'bool',
  'dyn',
  'type',
  'duration',
  'timestamp',
  'matches',
]);
const MEMBER_FUNCTIONS = new Set([
  'size',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
  'all',
  'exists',
  'exists_one',
  'map',
  'filter',
  'getDate',
  'getDayOfMonth',
  'getDayOfWeek',
  'getDayOfYear',
  'getFullYear',
  'getHours',
  'getMilliseconds',
  'getMinutes',
  'getMonth',
  'getSeconds',
]);

type Compiled = { program: ParseResult } | { error: string };

/** Upper bound on cached programs; expressions come from bindings, so few are distinct. */
const MAX_CACHED = 2_000;

/**
 * Compiles and evaluates condition expressions in an environment like
 * OpenChoreo's (one variable, `resource`, a map(string, dyn)), caching the
 * compiled program (or the compile error) per expression text.
 *
 * Known differences from cel-go, outside what OpenChoreo's admission webhook
 * lets through: `matches` uses JavaScript regular expressions rather than RE2
 * (inline flags such as `(?i)` error here, lookaheads are accepted); the
 * checker is laxer with dyn receivers (`true || resource.x.startsWith(1)` is
 * true here, a compile error in cel-go); the global form `matches(s, re)` is
 * rejected; overflow when negating the smallest int goes unnoticed.
 */
export class CelExpressionEvaluator {
  private readonly env = new Environment({
    // cel-go accepts mixed list and map literals (as list(dyn) / map(dyn)).
    homogeneousAggregateLiterals: false,
  }).registerVariable('resource', 'map<string, dyn>');
  private readonly cache = new Map<string, Compiled>();

  evaluate(expression: string, activation: CelActivation): CelOutcome {
    const compiled = this.compile(expression);
    if ('error' in compiled) {
      return compiled;
    }
    let value: unknown;
    try {
      value = compiled.program(activation ? { resource: activation } : {});
    } catch (error) {
      return { error: `evaluation error: ${messageOf(error)}` };
    }
    if (typeof value !== 'boolean') {
      return { error: `expression result is not a bool (${typeof value})` };
    }
    return { result: value };
  }

  private compile(expression: string): Compiled {
    const cached = this.cache.get(expression);
    if (cached) {
      return cached;
    }
    const compiled = this.compileUncached(expression);
    if (this.cache.size >= MAX_CACHED) {
      this.cache.clear();
    }
    this.cache.set(expression, compiled);
    return compiled;
  }

  private compileUncached(expression: string): Compiled {
    let program: ParseResult;
    try {
      program = this.env.parse(expression);
    } catch (error) {
      return { error: `compile error: ${messageOf(error)}` };
    }
    const unknown = nonStandardFunction(program.ast);
    if (unknown) {
      return {
        error: `compile error: undeclared reference to '${unknown}'`,
      };
    }
    const checked = program.check();
    if (!checked.valid) {
      return {
        error: `compile error: ${messageOf(checked.error)}`,
      };
    }
    return { program };
  }
}

/** The first function the expression calls that cel-go's standard library lacks. */
function nonStandardFunction(ast: ASTNode): string | undefined {
  const pending: unknown[] = [ast];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      pending.push(...item);
      continue;
    }
    if (!isNode(item)) {
      continue;
    }
    if (
      (item.op === 'call' || item.op === 'rcall') &&
      Array.isArray(item.args)
    ) {
      const [name] = item.args;
      const allowed = item.op === 'call' ? GLOBAL_FUNCTIONS : MEMBER_FUNCTIONS;
      if (typeof name === 'string' && !allowed.has(name)) {
        return name;
      }
    }
    pending.push(item.args);
  }
  return undefined;
}

function isNode(value: unknown): value is { op: string; args: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'op' in value &&
    typeof value.op === 'string' &&
    'args' in value
  );
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The library's messages carry a source excerpt after the first line.
  return text.split('\n')[0];
}
