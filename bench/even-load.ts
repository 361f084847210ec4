import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

export interface LoadResult {
  /** Milliseconds from request written to response read, per 2xx response. */
  latencies: number[];
  completed: number;
  /** Non-2xx answers and socket errors or timeouts. */
  failed: number;
  /** Completed responses per second of the run. */
  throughput: number;
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/** One autocannon instance; resolves with every response's time, read as it arrives. */
function run(options: autocannon.Options, into: LoadResult): Promise<void> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error) => (error ? reject(error) : resolve()));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      into.completed += 1;
      if (status >= 200 && status < 300) into.latencies.push(responseTime);
      else into.failed += 1;
    });
    instance.on('reqError', () => { into.failed += 1; });
  });
}

/**
 * `rate` requests a second, evenly spaced, for `seconds`: autocannon's own rate limit sends
 * each connection's quota for a second in one burst, so each of `rate` connections sends one
 * request a second, and the connections start 1/rate s apart.
 */
export async function evenLoad(target: Target, rate: number, seconds: number) {
  const result: LoadResult = { latencies: [], completed: 0, failed: 0, throughput: 0 };
  const runs: Array<Promise<void>> = [];
  const start = performance.now();
  for (let slot = 0; slot < rate; slot += 1) {
    const due = start + (slot * 1000) / rate;
    await sleep(Math.max(0, due - performance.now()));
    runs.push(run({
      ...target, connections: 1, connectionRate: 1, duration: seconds, timeout: 10,
      skipAggregateResult: true,
    }, result));
  }
  await Promise.all(runs);
  // Each connection is busy for `seconds`, so the rate achieved is over that span.
  result.throughput = result.completed / seconds;
  return result;
}

/** As many requests as `connections` keep-alive connections carry, one at a time each. */
export async function maxLoad(target: Target, connections: number, seconds: number) {
  const result: LoadResult = { latencies: [], completed: 0, failed: 0, throughput: 0 };
  const start = performance.now();
  await run({ ...target, connections, duration: seconds, timeout: 10 }, result);
  result.throughput = result.completed / ((performance.now() - start) / 1000);
  return result;
}
