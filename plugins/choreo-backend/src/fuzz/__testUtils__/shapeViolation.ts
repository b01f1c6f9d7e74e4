import { Shape, assertNever } from './bodyShapes';
import { Deep } from './hostileInputs';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v instanceof Deep
    ? v.kind === 'object'
    : typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why `value` does not fit `shape`, or undefined when it may fit. Exact for
 * types, required and unknown keys, enums, lengths and the field checks;
 * refinements the shape names are checked too. Used to decide whether a
 * random JSON body is a defect at all.
 */
export function violation(
  shape: Shape,
  value: unknown,
  at = 'body',
): string | undefined {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string' && shape.accepts(value)
        ? undefined
        : `${at}: not a valid string`;
    case 'number':
      return typeof value === 'number' && shape.accepts(value)
        ? undefined
        : `${at}: not a valid number`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${at}: not a boolean`;
    case 'enum':
      return shape.values.some(v => v === value)
        ? undefined
        : `${at}: not one of ${shape.values.join(', ')}`;
    case 'record':
      if (!isPlainObject(value)) return `${at}: not an object`;
      return levels(value) <= shape.maxDepth
        ? undefined
        : `${at}: nested more than ${shape.maxDepth} levels`;
    case 'union':
      return shape.options.some(o => violation(o, value, at) === undefined)
        ? undefined
        : `${at}: fits no option`;
    case 'array': {
      if (!Array.isArray(value)) return `${at}: not an array`;
      if (value.length < shape.min || value.length > shape.max) {
        return `${at}: ${value.length} items`;
      }
      for (const item of value) {
        const problem = violation(shape.item, item, `${at}[]`);
        if (problem) return problem;
      }
      if (shape.uniqueBy) {
        const keys = value.map(shape.uniqueBy);
        if (new Set(keys).size < keys.length) return `${at}: duplicate items`;
      }
      return undefined;
    }
    case 'object': {
      if (!isPlainObject(value)) return `${at}: not an object`;
      for (const key of Object.keys(value)) {
        if (shape.strict && !Object.hasOwn(shape.fields, key)) {
          return `${at}: unknown key ${JSON.stringify(key)}`;
        }
      }
      for (const [key, field] of Object.entries(shape.fields)) {
        if (!Object.hasOwn(value, key)) {
          if (field.optional) continue;
          return `${at}.${key}: missing`;
        }
        const problem = violation(field.shape, value[key], `${at}.${key}`);
        if (problem) return problem;
      }
      if (shape.refine && !shape.refine(value)) return `${at}: refinement`;
      return undefined;
    }
    default:
      return assertNever(shape);
  }
}

/** How many arrays and objects deep `value` nests (`{}` is 1); iterative. */
function levels(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [next, level] = stack.pop()!;
    if (next instanceof Deep) {
      // `depth` arrays, or `depth` objects around an empty one
      const inner = next.kind === 'array' ? next.depth - 1 : next.depth;
      deepest = Math.max(deepest, level + inner);
    } else if (typeof next === 'object' && next !== null) {
      deepest = Math.max(deepest, level);
      for (const child of Object.values(next)) stack.push([child, level + 1]);
    }
  }
  return deepest;
}
