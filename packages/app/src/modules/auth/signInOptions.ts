import { ConfigApi } from '@backstage/frontend-plugin-api';

/** What the sign-in page can offer here. */
export interface SignInOptions {
  /** "Sign in with <title>", when `auth.providers.oidc.<auth.environment>` is configured. */
  oidc?: { title: string };
  /** The sample's people to pick from: development builds only. */
  sample: boolean;
}

export const DEFAULT_OIDC_TITLE = 'single sign-on';

export function signInOptions(
  config: ConfigApi,
  nodeEnv: string | undefined = process.env.NODE_ENV,
): SignInOptions {
  const environment =
    config.getOptionalString('auth.environment') ?? 'development';
  const oidcConfigured =
    config.getOptionalConfig('auth.providers.oidc')?.has(environment) ?? false;
  return {
    ...(oidcConfigured
      ? {
          oidc: {
            title:
              config.getOptionalString('app.signIn.oidcTitle') ??
              DEFAULT_OIDC_TITLE,
          },
        }
      : {}),
    sample: nodeEnv === 'development',
  };
}
