import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { lambdaBundlesPart } from './lambda-bundles.ts';
import { say } from './section.ts';
import { alertingHeading, renderSections, runSections } from './sections.ts';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const reportPath = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

type Part = 'cold-start' | 'alerting';

/** The report's two parts, in order: each writes its own text, from its heading on. */
const parts: Record<Part, () => Promise<{ text: string; ok: boolean }>> = {
  'cold-start': () => lambdaBundlesPart(runs),
  alerting: async () => {
    const run = await runSections();
    return {
      text: renderSections(run), ok: run.sections.every((section) => section.passed !== false),
    };
  },
};

/** `doc` with one part's text replaced; the alerting part starts at its heading. */
function replacePart(doc: string, part: Part, text: string): string {
  const at = doc.indexOf(alertingHeading);
  const coldStart = at < 0 ? doc : doc.slice(0, at);
  const alerting = at < 0 ? '' : doc.slice(at);
  return part === 'cold-start' ? text + alerting : coldStart + text;
}

/**
 * `npm run bench` runs every part and writes docs/benchmarks.md afresh; `npm run bench --
 * cold-start` (or `alerting`) runs that part alone and replaces only its text there.
 */
async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !(name in parts));
  if (unknown.length > 0) {
    say(`unknown part ${unknown.join(', ')}: choose from ${Object.keys(parts).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const chosen = (asked.length > 0 ? asked : Object.keys(parts)) as Part[];
  let doc = chosen.length === Object.keys(parts).length
    ? '' : await readFile(reportPath, 'utf8').catch(() => '');
  for (const part of chosen) {
    const { text, ok } = await parts[part]();
    doc = replacePart(doc, part, text);
    await writeFile(reportPath, doc);
    say(`wrote ${part} to ${reportPath}`);
    if (!ok) process.exitCode = 1;
  }
}

await main();
