import { ConfigReader } from '@backstage/core-app-api';
import { signInOptions } from './signInOptions';

const oidc = {
  auth: {
    environment: 'production',
    providers: { oidc: { production: { metadataUrl: 'https://idp/x' } } },
  },
};

describe('signInOptions', () => {
  it('offers the IdP when auth.providers.oidc has the auth environment, with its title', () => {
    const config = new ConfigReader({
      ...oidc,
      app: { signIn: { oidcTitle: 'Keycloak' } },
    });
    expect(signInOptions(config, 'production')).toEqual({
      oidc: { title: 'Keycloak' },
      sample: false,
    });
  });

  it('calls the IdP "single sign-on" without a title', () => {
    expect(
      signInOptions(new ConfigReader(oidc), 'production').oidc?.title,
    ).toBe('single sign-on');
  });

  it('does not offer the IdP configured for another auth environment', () => {
    const config = new ConfigReader({
      auth: { providers: { oidc: { production: { metadataUrl: 'x' } } } },
    });
    // auth.environment defaults to development
    expect(signInOptions(config, 'production').oidc).toBeUndefined();
  });

  it('offers the sample people in development builds only', () => {
    const config = new ConfigReader({});
    expect(signInOptions(config, 'development')).toEqual({ sample: true });
    expect(signInOptions(config, 'production')).toEqual({ sample: false });
  });
});
