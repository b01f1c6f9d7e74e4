import { ChoreoObject, ConditionsStatus, KindedRef } from './meta';
import { GatewaySpec } from './planes';

/** A deployment stage. */
export type Environment = ChoreoObject<
  'Environment',
  {
    /** If unset: DataPlane `default` in the namespace, then ClusterDataPlane `default`. */
    dataPlaneRef?: { kind: 'DataPlane' | 'ClusterDataPlane'; name: string };
    isProduction?: boolean;
    gateway?: GatewaySpec;
  },
  ConditionsStatus
>;

export interface PromotionPath {
  sourceEnvironmentRef: KindedRef<'Environment'>;
  targetEnvironmentRefs: KindedRef<'Environment'>[];
}

/** The promotion graph over Environments. */
export type DeploymentPipeline = ChoreoObject<
  'DeploymentPipeline',
  { promotionPaths?: PromotionPath[] },
  ConditionsStatus
>;
