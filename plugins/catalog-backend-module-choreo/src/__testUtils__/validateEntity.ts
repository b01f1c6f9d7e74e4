import {
  Entity,
  FieldFormatEntityPolicy,
  KindValidator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';

const KIND_VALIDATORS: Record<string, KindValidator> = {
  API: apiEntityV1alpha1Validator,
  Component: componentEntityV1alpha1Validator,
  Domain: domainEntityV1alpha1Validator,
  Group: groupEntityV1alpha1Validator,
  Resource: resourceEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
  Template: templateEntityV1beta3Validator,
};

const POLICIES = [
  new SchemaValidEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
];

/**
 * Runs an entity through what the catalog checks on ingestion: the envelope
 * schema, name/namespace/annotation/tag formats, and the kind's own schema
 * (the scaffolder's for templates). Throws with the catalog's message.
 */
export async function validateEntity(entity: Entity): Promise<void> {
  for (const policy of POLICIES) {
    await policy.enforce(entity);
  }
  const validator = KIND_VALIDATORS[entity.kind];
  if (!validator) {
    throw new Error(`No validator for kind ${entity.kind}`);
  }
  if (!(await validator.check(entity))) {
    throw new Error(
      `${entity.kind} validator did not accept ${entity.metadata.name}`,
    );
  }
}
