// The fidelity cases (tests/kubectl-fidelity-cases.ts) where `kubeplay kubectl` does not yet
// print what the real kubectl prints, by command line: the test requires them to still differ, and README.md's
// Fidelity table (scripts/fidelity-table.ts) says how each differs. Take a line off once fixed.
export const KNOWN_DIFFERENCES = new Set<string>([]);
