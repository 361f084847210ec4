/**
 * What an audit row's free-text `detail` means, so the PWA can say it in the user's language.
 * The API writes an error code when an action failed and a few fixed English sentences when it
 * did not (api/src/actions/schedule-action.ts); anything else is shown as written.
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

export function parseAuditDetail(detail: string): AuditDetail {
  const text = detail.trim();
  for (const { pattern, key, params } of sentences) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values = Object.fromEntries(params.map((name, i) => [name, match[i + 1] ?? '']));
    return { kind: 'message', key, params: values };
  }
  if (codePattern.test(text)) return { kind: 'code', code: text };
  return { kind: 'text', text: detail };
}
