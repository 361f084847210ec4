import { categoryDefaults } from './categories.ts';
import { extractError } from './extract.ts';
import { secretsIn } from './known-secrets.ts';
import { redact } from './redact.ts';
import { classify } from './rules.ts';
import { sliceWhole } from './storable-text.ts';
import type { CategoryId, Diagnosis, DiagnosisContext, DiagnosisFacts } from './types.ts';

/** Longest text a diagnosis carries: enough to recognise the error, small enough to store. */
export const MAX_TEXT_LENGTH = 500;

const TELEMATICS_FUNCTION = /(^|-)(mix|guardian)(-|$)/i;

/**
 * Classifies any stored `json_data` value into a cause and the card that fixes it. Never throws;
 * unknown errors come back as `unclassified` with their (redacted) text.
 * @example diagnose('"timeout of 3000ms exceeded"') // provider-timeout, card 5.1
 */
export function diagnose(jsonData: unknown, context: DiagnosisContext = {}): Diagnosis {
  const { text, facts, hints } = extractError(jsonData);
  const provider = facts.provider ?? providerOfContext(context);
  const known: DiagnosisFacts = provider ? { ...facts, provider } : { ...facts };
  const haystack = [text, ...hints, known.errorCode ?? ''].join('\n');
  const telematics = provider === 'mix' || provider === 'guardian';
  const { category, card } = classify({ haystack, facts: known, telematics });
  const defaults = categoryDefaults[category];
  return {
    category,
    card: card === undefined ? defaults.card : card,
    severity: defaults.severity,
    // The dump's own credentials too: a provider may echo the token it refused in its answer.
    text: shorten(redact(text, secretsIn(jsonData))),
    facts: withProvider(known, category),
  };
}

function providerOfContext(context: DiagnosisContext): DiagnosisFacts['provider'] {
  if (context.dataSourceId === 1) return 'mix';
  if (context.dataSourceId === 2) return 'guardian';
  const fn = TELEMATICS_FUNCTION.exec(context.functionName ?? '')?.[2]?.toLowerCase();
  return fn === 'mix' || fn === 'guardian' ? fn : undefined;
}

/** A cause says who failed even when the row did not: the database, UltraMsg or Google. */
function withProvider(facts: DiagnosisFacts, category: CategoryId): DiagnosisFacts {
  const owner = category.startsWith('database-') ? 'postgres'
    : category.startsWith('whatsapp-') ? 'ultramsg'
      : category.startsWith('gmail-') ? 'google' : undefined;
  return owner ? { ...facts, provider: owner } : facts;
}

function shorten(text: string): string {
  return text.length <= MAX_TEXT_LENGTH ? text : `${sliceWhole(text, MAX_TEXT_LENGTH - 1)}…`;
}
