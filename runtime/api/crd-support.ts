// What serving CustomResourceDefinitions and custom resources takes (their validation, structural
// schemas, naming), loaded when a cluster first has or is sent a CRD: most clusters never do, and
// the first prompt should not wait for it.
type CrdSupport = typeof import('./crd-support-module');

let loading: Promise<CrdSupport> | undefined;
let support: CrdSupport | undefined;

/** Loads the CRD code (once); the handler awaits it before serving CRDs or custom resources. */
export function loadCrdSupport(): Promise<CrdSupport> {
  return (loading ??= import('./crd-support-module').then((module) => (support = module)));
}

/** Whether the CRD code is loaded. */
export function crdSupportLoaded(): boolean {
  return support !== undefined;
}

/** The loaded CRD code. */
export function crdSupport(): CrdSupport {
  if (!support) throw new Error('the CRD code is not loaded (loadCrdSupport)');
  return support;
}
