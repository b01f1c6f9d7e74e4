/** Kubernetes object metadata, as much of it as the product uses. */
export interface ObjectMeta {
  name: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
  }>;
}

/** A standard `metav1.Condition`. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  observedGeneration?: number;
}

/** A free-form JSON object (`parameters`, `environmentConfigs`, templates). */
export type JsonObject = { [key: string]: unknown };

/** A JSON schema wrapper as OpenChoreo stores it. */
export interface SchemaSection {
  openAPIV3Schema?: JsonObject;
}

/** A `{kind?, name}` reference; the default kind depends on the field. */
export interface KindedRef<K extends string = string> {
  kind?: K;
  name: string;
}

/** The owner block that ties namespaced resources to a project and component. */
export interface ComponentOwner {
  projectName: string;
  componentName: string;
}

/** Every OpenChoreo object: apiVersion, kind, metadata, spec and optional status. */
export interface ChoreoObject<K extends string, Spec, Status = never> {
  apiVersion: string;
  kind: K;
  metadata: ObjectMeta;
  spec: Spec;
  status?: [Status] extends [never] ? JsonObject : Status;
}

/** Status carrying only conditions. */
export interface ConditionsStatus {
  conditions?: Condition[];
  observedGeneration?: number;
}
