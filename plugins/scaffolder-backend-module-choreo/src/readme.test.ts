import fs from 'node:fs';
import path from 'node:path';
import { CHOREO_ACTIONS } from '@choreo-for-backstage/plugin-choreo-common';
import { createChoreoActions } from './actions';

/*
 * The package README documents exactly the actions the module registers,
 * each with exactly the inputs and outputs of its schema: an action added,
 * renamed or given a new input fails here until the README says so.
 */

const README = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');

/** `### \`choreo:…\`` sections and the first-column names of their Input and Output tables. */
function documentedActions() {
  const actions = new Map<string, { inputs: string[]; outputs: string[] }>();
  let current: { inputs: string[]; outputs: string[] } | undefined;
  let table: 'inputs' | 'outputs' | undefined;
  for (const line of README.split('\n')) {
    const heading = /^#{2,3} /.test(line) ? line : undefined;
    if (heading) {
      const id = /^### `(choreo:[^`]+)`$/.exec(heading)?.[1];
      current = id ? { inputs: [], outputs: [] } : undefined;
      if (id && current) actions.set(id, current);
      table = undefined;
      continue;
    }
    if (!current || !line.startsWith('|')) {
      table = undefined;
      continue;
    }
    const first = line.split('|')[1].trim();
    if (first === 'Input') table = 'inputs';
    else if (first === 'Output') table = 'outputs';
    const name = /^`([^`]+)`$/.exec(first)?.[1];
    if (table && name) current[table].push(name);
  }
  return actions;
}

const propertiesOf = (schema: unknown): string[] =>
  Object.keys(
    (schema as { properties?: Record<string, unknown> } | undefined)
      ?.properties ?? {},
  ).sort();

describe('the README', () => {
  const documented = documentedActions();
  const registered = createChoreoActions({} as any);

  it('has a section for every registered action and no other', () => {
    const ids = registered.map(a => a.id).sort();
    expect(ids).toEqual(Object.values(CHOREO_ACTIONS).sort());
    expect([...documented.keys()].sort()).toEqual(ids);
  });

  it.each(registered.map(a => [a.id, a] as const))(
    'lists the inputs and outputs of %s',
    (id, action) => {
      const section = documented.get(id);
      expect(section).toBeDefined();
      expect([...section!.inputs].sort()).toEqual(
        propertiesOf(action.schema?.input),
      );
      expect([...section!.outputs].sort()).toEqual(
        propertiesOf(action.schema?.output),
      );
    },
  );
});
