export interface Config {
  choreo?: {
    permission?: {
      /**
       * The entitlement claim OpenChoreo's bindings name for groups
       * (`entitlement.claim`). The values are the names of the groups among
       * the person's ownership refs. Default `groups`.
       */
      claim?: string;
    };
  };
}
