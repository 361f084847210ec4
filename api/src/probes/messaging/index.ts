import type { AppDeps } from '../../types.ts';
import type { Probe } from '../types.ts';

/** WhatsApp (UltraMsg) and Gmail probes. */
export function messagingProbes(_deps: AppDeps): Probe[] {
  return [];
}
