import { schemaToFormParameters, titleFromKey } from './schemaToFormParameters';

describe('schemaToFormParameters', () => {
  it('gives nothing to ask for a schema without properties', () => {
    expect(schemaToFormParameters(undefined)).toBeUndefined();
    expect(schemaToFormParameters({ type: 'object' })).toBeUndefined();
  });

  it('inlines definitions and survives recursive ones', () => {
    const form = schemaToFormParameters({
      type: 'object',
      definitions: {
        Node: {
          type: 'object',
          properties: { child: { $ref: '#/definitions/Node' } },
        },
      },
      properties: { tree: { $ref: '#/definitions/Node', description: 'root' } },
    });
    expect(form).toEqual({
      type: 'object',
      properties: {
        tree: {
          title: 'Tree',
          type: 'object',
          description: 'root',
          // The recursion stops at the repeated reference: a free-form value.
          properties: { child: { title: 'Child' } },
        },
      },
    });
  });

  it('drops OpenAPI-only keywords and keeps validation', () => {
    expect(
      schemaToFormParameters({
        type: 'object',
        required: ['size'],
        properties: {
          size: { type: 'string', enum: ['S', 'M'], nullable: true },
          labels: {
            type: 'object',
            additionalProperties: { type: 'string' },
            'x-kubernetes-map-type': 'atomic',
          },
        },
      }),
    ).toEqual({
      type: 'object',
      required: ['size'],
      properties: {
        size: { title: 'Size', type: 'string', enum: ['S', 'M'] },
        labels: {
          title: 'Labels',
          type: 'object',
          additionalProperties: { type: 'string' },
        },
      },
    });
  });

  it('titles keys the way people read them', () => {
    expect(titleFromKey('successfulJobsHistoryLimit')).toBe(
      'Successful jobs history limit',
    );
    expect(titleFromKey('log_level')).toBe('Log level');
  });
});
