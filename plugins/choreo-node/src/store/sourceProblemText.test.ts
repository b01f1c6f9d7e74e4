import { problemChanges, sourceProblemText } from './sourceProblemText';

describe('sourceProblemText', () => {
  it('names file, line and resource so the broken input can be found', () => {
    expect(
      sourceProblemText({
        file: 'projects/shop.yaml',
        line: 12,
        message: 'Nested mappings are not allowed in compact mappings',
        resource: { kind: 'Component', namespace: 'acme', name: 'cart' },
      }),
    ).toBe(
      'projects/shop.yaml:12: Nested mappings are not allowed in compact mappings (Component:acme/cart)',
    );
  });

  it('reports what appeared and what was fixed between two reports', () => {
    const broken = { file: 'a.yaml', line: 3, message: 'bad indentation' };
    const other = { file: 'b.yaml', message: 'unknown kind Foo' };
    expect(problemChanges([broken], [other])).toEqual({
      appeared: ['b.yaml: unknown kind Foo'],
      resolved: ['a.yaml:3: bad indentation'],
    });
  });
});
