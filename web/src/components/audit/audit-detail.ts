/**
 * What an audit row's free-text `detail` means, so the PWA can say it in the user's language.
 * The API writes an error code when an action failed, a few fixed English sentences when it
 * did not (api/src/actions/schedule-action.ts) and a pm2 flush's SSM command with its status
 * (api/src/actions/flush-pm2-audit.ts); anything else is shown as written.
 */
export type AuditDetail =
  | { kind: 'code'; code: string }
  | { kind: 'message'; key: string; params: Record<string, string> }
  | { kind: 'text'; text: string };

const codePattern = /^[a-z][a-z0-9_]*$/;

const sentences: Array<{ pattern: RegExp; key: string; params: string[] }> = [
  { pattern: /^already in that state$/, key: 'audit.detail.unchanged', params: [] },
  {
    pattern: /^start date (\S+) dropped: it had passed$/,
    key: 'audit.detail.startDateDropped',
    params: ['date'],
  },
];

// The command's own error, after the status, stays in Detalles: it is the host's text.
const command = /^ssm command \S+: (pending|running|success|failed|timed-out|cancelled)\b/;

export function parseAuditDetail(detail: string): AuditDetail {
  const text = detail.trim();
  for (const { pattern, key, params } of sentences) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values = Object.fromEntries(params.map((name, i) => [name, match[i + 1] ?? '']));
    return { kind: 'message', key, params: values };
  }
  const status = command.exec(text)?.[1];
  if (status) return { kind: 'message', key: `audit.command.${status}`, params: {} };
  if (codePattern.test(text)) return { kind: 'code', code: text };
  return { kind: 'text', text: detail };
}
