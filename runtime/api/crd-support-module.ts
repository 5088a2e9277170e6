// The CRD code crd-support.ts loads on demand, as one chunk.
export { reconcileCrdNames } from './crd-names';
export { storedVersions, validateCrd, validateCrdStatus } from './crd-validation';
export { customResourceSchema, customResourceTypes } from './custom-resources';
