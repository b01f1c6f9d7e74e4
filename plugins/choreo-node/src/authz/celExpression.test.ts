import { CelExpressionEvaluator } from './celExpression';

const resource = (values: Record<string, string>) =>
  new Map(Object.entries(values));

describe('CelExpressionEvaluator', () => {
  const cel = new CelExpressionEvaluator();
  const env = resource({ environment: 'acme/dev' });

  it.each([
    ['resource.environment == "acme/dev"', true],
    ['resource.environment in ["acme/dev", "acme/staging"]', true],
    ['resource.environment in []', false],
    ['!(resource.environment in ["acme/prod"])', true],
    ['resource.environment.startsWith("acme/")', true],
    ['resource.environment.endsWith("/dev")', true],
    ['resource.environment.contains("me/d")', true],
    ['resource.environment.matches("^acme/(dev|test)$")', true],
    ['size(resource.environment) == 8', true],
    ['"environment" in resource', true],
    ['has(resource.environment)', true],
    ['has(resource.workflow)', false],
    // Heterogeneous comparisons through dyn are false, not errors.
    ['resource.environment == 1', false],
    ['resource.environment in ["acme/dev", 1]', true],
    // Errors are absorbed where CEL's logic allows.
    ['true || resource.workflow == "x"', true],
    ['resource.workflow == "x" || true', true],
    ['false && resource.workflow == "x"', false],
    ['resource.workflow == "x" && false', false],
  ])('%s is %s', (expression, result) => {
    expect(cel.evaluate(expression, env)).toEqual({ result });
  });

  it.each([
    // A key that is not in the map.
    ['resource.workflow == ""', /no such key/i],
    ['false || resource.workflow == "x"', /no such key/i],
    // Not a bool.
    ['resource.environment', /not a bool/],
    ['1', /not a bool/],
    // Compile errors, including what only cel-go's checker rejects.
    ['resource.environment ==', /compile error/],
    ['', /compile error/],
    ['team == "a"', /compile error/],
    ['true || team == "a"', /compile error/],
    ['1 == "a"', /compile error/],
    // String extensions are not in OpenChoreo's environment.
    [
      'resource.environment.lowerAscii() == "x"',
      /undeclared reference to 'lowerAscii'/,
    ],
    [
      'true || resource.environment.split("/").size() == 2',
      /undeclared reference to 'split'/,
    ],
    // Runtime errors.
    ['resource.environment.matches("[")', /evaluation error/],
    ['int(resource.environment) == 1', /evaluation error/],
  ])('%s errors', (expression, message) => {
    const outcome = cel.evaluate(expression, env);
    expect(outcome).toEqual({ error: expect.stringMatching(message) });
  });

  it('errors on any reference to resource when there is no activation', () => {
    expect(cel.evaluate('resource.environment == ""', undefined)).toEqual({
      error: expect.stringMatching(/evaluation error/),
    });
    expect(cel.evaluate('has(resource.environment)', undefined)).toHaveProperty(
      'error',
    );
    expect(
      cel.evaluate('true || resource.environment == "x"', undefined),
    ).toEqual({ result: true });
    expect(cel.evaluate('true', undefined)).toEqual({ result: true });
  });

  it('does not expose object prototype members as keys', () => {
    expect(cel.evaluate('has(resource.constructor)', env)).toEqual({
      result: false,
    });
    expect(cel.evaluate('resource.toString == ""', env)).toHaveProperty(
      'error',
    );
  });

  it('gives the same answer from its cache', () => {
    const fresh = new CelExpressionEvaluator();
    const dev = resource({ environment: 'acme/dev' });
    const prod = resource({ environment: 'acme/prod' });
    const expression = 'resource.environment == "acme/dev"';
    expect(fresh.evaluate(expression, dev)).toEqual({ result: true });
    expect(fresh.evaluate(expression, prod)).toEqual({ result: false });
    expect(fresh.evaluate('resource.environment ==', dev)).toHaveProperty(
      'error',
    );
    expect(fresh.evaluate('resource.environment ==', dev)).toHaveProperty(
      'error',
    );
  });
});
