import type { CardId } from '../diagnosis/types.ts';

/** Text in both of the app's languages; es-MX is the source, English the translation. */
export interface Bilingual { es: string; en: string }

/** An action the app offers as a big button on a card. */
export type CardAction = 'pause-schedule' | 'resume-schedule' | 'grow-storage' | 'flush-pm2';

export interface CardStep {
  id: string;          // "4.1.3", as printed in the runbook
  text: Bilingual;
  action?: CardAction; // the step a button performs, when Turno can do it
}

export interface Card {
  id: CardId;
  problem: Bilingual;   // "4. No se muestran datos en la plataforma"
  title: Bilingual;     // the diagnosis line: "Almacenamiento de RDS lleno"
  summary: Bilingual;   // what is going on, in plain words, for someone who is not an AWS expert
  steps: CardStep[];
  /** True for cards Turno adds (T.x); the printed runbook does not have them. */
  turno: boolean;
}
