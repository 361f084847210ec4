/** What each pm2 process prints per round (runbook §3: rounds of ~30 s, some under 1 s). */
const roundSeconds: Record<string, number> = {
  'Linde-Ocurrences': 30.151,
  'Linde-Locations': 29.874,
  'Linde-External': 0.842,
};

/** The runbook's typical errors in Linde-Ocurrences' log. */
const occurrenceErrors = [
  'Error al conectar a la base de datos connect ECONNREFUSED 10.0.3.25:5432',
  'getOccurrencesRules Error: Connection terminated unexpectedly',
];

const roundMs = 30_000;

/** The raw lines `pm2 logs <id> --nostream --raw` would print between `since` and `until`. */
export function sandboxPm2Log(name: string, since: number, until: number): string {
  const lines: string[] = [];
  const first = Math.ceil(since / roundMs);
  for (let round = first; round * roundMs <= until; round += 1) {
    if (name === 'Linde-Ocurrences' && round % 9 === 0) {
      lines.push(occurrenceErrors[round % 2] ?? '');
      continue;
    }
    const base = roundSeconds[name] ?? 30;
    const took = base + ((round * 37) % 200) / 1000 - 0.1;
    lines.push(`main: ${Math.max(0.1, took).toFixed(3)}s`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
