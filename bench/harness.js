// The benchmark harness: each measurement is printed as one JSON object on its own line.

/** Prints `{name, unit, runs, min, median, max}` for `samples`. */
export function report(name, unit, samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const round = (x) => Math.round(x * 100) / 100;
  const line = {
    name,
    unit,
    runs: sorted.length,
    min: round(sorted[0]),
    median: round(median),
    max: round(sorted.at(-1)),
  };
  console.log(JSON.stringify(line));
  return line;
}
