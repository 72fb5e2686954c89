import autocannon from "autocannon";

// The bench's load generator, in a process of its own (scripts/bench.ts starts one per page):
// in the server's process it would take the thread the server answers on. Prints one JSON line
// with the requests per second and the latencies the server gave.

const { url, connections, seconds, headers } = JSON.parse(process.argv[2]!) as {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
};
const latencies: number[] = [];
let errors = 0;
// Without a callback autocannon returns an emitter that is also a promise of the result.
const instance = autocannon({
  url,
  connections,
  duration: seconds,
  headers,
  timeout: 10,
}) as unknown as Promise<autocannon.Result> & {
  on: (event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void) => void;
};
instance.on("response", (_client, status, _bytes, ms) => {
  latencies.push(ms);
  if (status !== 200) errors += 1;
});
const result = await instance;
latencies.sort((a, b) => a - b);
const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? null;
process.stdout.write(
  `${JSON.stringify({ rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95), errors, timeouts: result.timeouts })}\n`,
);
