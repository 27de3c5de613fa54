// Load generator for request pairs (check-out, then check-in of the lease it returned), run as a
// child process like autocannon so the server keeps its event loop to itself. Autocannon measures
// single requests; a pair's second request depends on the first's answer, and its latency is the
// figure that matters, so this drives keep-alive connections itself and prints one JSON line.
// Usage: node --import tsx bench/lib/pair-load.ts <config JSON>
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface PairLoadConfig {
  /** Base URL of the server, e.g. http://127.0.0.1:1234 */
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** The check-out body of connection i is `checkout` with `user`/`host` made unique per connection. */
  checkout: Record<string, unknown>;
  /** Members added to every check-in body besides `leaseId`. */
  checkin: Record<string, unknown>;
}

export interface PairLoadResult {
  pairs: number;
  pairsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  notGranted: number;
  /** Every measured pair's latency (ms, 0.1 ms resolution), so several runs can be merged. */
  latenciesMs: number[];
}

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

function post(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({
              status: res.statusCode ?? 0,
              json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]! : 0;

export async function pairLoad(config: PairLoadConfig): Promise<PairLoadResult> {
  const start = performance.now();
  const measureFrom = start + config.warmupSeconds * 1000;
  const end = measureFrom + config.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let notGranted = 0;
  async function connection(i: number): Promise<void> {
    const checkout = { ...config.checkout, user: `bench-${i}`, host: `bench-host-${i}` };
    for (let t0 = performance.now(); t0 < end; t0 = performance.now()) {
      try {
        const out = await post(`${config.url}/v1/floating/checkout`, checkout);
        const lease = out.json.lease as { id?: string } | undefined;
        if (out.status !== 200 || out.json.granted !== true || !lease?.id) {
          notGranted++;
          continue;
        }
        const back = await post(`${config.url}/v1/floating/checkin`, {
          ...config.checkin,
          leaseId: lease.id,
        });
        if (back.status !== 200 || back.json.checkedIn !== true) errors++;
        else if (t0 >= measureFrom) latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: config.connections }, (_, i) => connection(i)));
  latencies.sort((a, b) => a - b);
  return {
    pairs: latencies.length,
    pairsPerSecond: latencies.length / config.seconds,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    errors,
    notGranted,
    latenciesMs: latencies.map((l) => Math.round(l * 10) / 10),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await pairLoad(JSON.parse(process.argv[2] ?? '{}') as PairLoadConfig);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  agent.destroy();
}
