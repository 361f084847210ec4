import type { Probe, ProbeResult } from '../types.ts';

/** A probe whose answer the test sets before each run, counting its runs. */
export function scriptedProbe(name = 'ultramsg', intervalSeconds = 300) {
  let next: () => Promise<ProbeResult> = async () => ({ findings: [], summary: {} });
  const probe: Probe & { runs: number } = {
    name, intervalSeconds, runs: 0,
    async run() {
      probe.runs += 1;
      return next();
    },
  };
  return {
    probe,
    answer(result: ProbeResult) { next = async () => result; },
    fail(message: string) { next = async () => { throw new Error(message); }; },
  };
}
