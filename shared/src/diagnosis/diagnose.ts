import type { Diagnosis, DiagnosisContext } from './types.ts';

/** Classifies any stored `json_data` value into a cause and the card that fixes it. */
export function diagnose(jsonData: unknown, context: DiagnosisContext = {}): Diagnosis {
  void context;
  return { category: 'unclassified', card: null, severity: 'warning', text: String(jsonData), facts: {} };
}
