/*
 * What the sign-in page reads from the frontend's config. The backend's
 * provider config stays in the backend: only these keys reach the browser.
 */
export interface Config {
  app?: {
    signIn?: {
      /**
       * Name of the identity provider on the sign-in page: the button reads
       * "Sign in with <oidcTitle>". Default "single sign-on".
       * @visibility frontend
       */
      oidcTitle?: string;
    };
  };
  auth?: {
    providers?: {
      /** OpenID Connect sign-in, per auth environment (`auth.environment`). */
      oidc?: {
        [authEnvironment: string]: {
          /**
           * The IdP's discovery document. Visible to the frontend (it is a
           * public URL) so the sign-in page knows OIDC is configured.
           * @visibility frontend
           */
          metadataUrl: string;
        };
      };
    };
  };
}
