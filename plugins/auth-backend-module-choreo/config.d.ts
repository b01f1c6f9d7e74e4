export interface Config {
  auth?: {
    providers?: {
      /**
       * Development-only sign-in as one of the sample organization's people,
       * picked on the sign-in page (provider `sample` of
       * @choreo-for-backstage/plugin-auth-backend-module-choreo). Refused
       * unless the backend runs with NODE_ENV=development.
       */
      sample?: {
        /**
         * The people one may sign in as: user entity refs
         * (`user:default/paula.payments`) of User entities in the catalog.
         */
        people: string[];
      };
    };
  };
}
