import { loadavg } from 'node:os';
import { estadoSection } from './estado.ts';
import { fanOutSection } from './fan-out.ts';
import { pollCostSection } from './poll-cost.ts';
import { say, table, verdict, type BenchSection } from './section.ts';
import { spikeToPushLambdaSection, spikeToPushSection } from './spike-to-push.ts';

/** Issue 4's benchmarks, in the order the report lists them. */
const benchmarks: Array<[string, () => Promise<BenchSection>]> = [
  ['Poll cost on a Sync_error of 10 million rows', pollCostSection],
  ['Spike to push', spikeToPushSection],
  ['Spike to push, deployed watcher Lambda', spikeToPushLambdaSection],
  ['Push fan-out to 1,000 subscriptions', fanOutSection],
  ['Estado endpoint under load', estadoSection],
];

export interface SectionRun {
  sections: BenchSection[];
  /** One-minute load average before and after, to show what else the machine was doing. */
  load: [number, number];
}

/** Runs each benchmark in turn; one that throws is reported as failed and the rest still run. */
export async function runSections(): Promise<SectionRun> {
  const before = loadavg()[0] ?? 0;
  const sections: BenchSection[] = [];
  for (const [title, run] of benchmarks) {
    say(`${title}…`);
    try {
      const section = await run();
      say(`  ${section.measured}: ${section.passed === false ? 'FAIL' : 'pass'}`);
      sections.push(section);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      say(`  failed to run: ${message}`);
      sections.push({
        title, target: '—', measured: 'did not run', passed: false,
        body: `The benchmark failed to run: \`${message.replaceAll('`', "'")}\`.\n`,
      });
    }
  }
  return { sections, load: [before, loadavg()[0] ?? 0] };
}

/** Where the alerting part of docs/benchmarks.md begins. */
export const alertingHeading = '\n## Alerting speed (issue 4)';

/** The sections as markdown, after a summary table, to append to docs/benchmarks.md. */
export function renderSections({ sections, load }: SectionRun): string {
  const rows = sections.map((s) => [s.title, s.target, s.measured, verdict(s.passed)]);
  const parts = sections.map((s) => `## ${s.title}\n\n${s.body}`);
  return `${alertingHeading}

Five benchmarks from \`bench/sections.ts\` (\`npm run bench -- alerting\` runs them alone), run
${new Date().toISOString()} on the machine above (one-minute load average
${load[0].toFixed(2)} before them, ${load[1].toFixed(2)} after).

${table(['benchmark', 'target', 'measured', 'result'], rows)}

${parts.join('\n')}`;
}
