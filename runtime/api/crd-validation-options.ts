/** validationOptions: the CRD rules a write must meet (an update is spared those its stored definition breaks). */

/** What an update may relax for definitions stored before a rule existed (validationOptions). */
export interface ValidationOptions {
  requireImmutableNames: boolean;
  requireOpenAPISchema: boolean;
  requireValidPropertyType: boolean;
  requireStructuralSchema: boolean;
  requirePrunedDefaults: boolean;
  requireAtomicSetType: boolean;
  requireMapListKeysMapSetValidation: boolean;
}

/** A new definition meets every rule (and may still change its names). */
export const CREATE_OPTIONS: Readonly<ValidationOptions> = {
  requireImmutableNames: false,
  requireOpenAPISchema: true,
  requireValidPropertyType: true,
  requireStructuralSchema: true,
  requirePrunedDefaults: true,
  requireAtomicSetType: true,
  requireMapListKeysMapSetValidation: true,
};
