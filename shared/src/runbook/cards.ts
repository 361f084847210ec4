import type { CardId } from '../diagnosis/types.ts';
import { dataCards } from './cards-data.ts';
import { messagingCards } from './cards-messaging.ts';
import { telematicsCards } from './cards-telematics.ts';
import { connectionCards } from './cards-turno-connections.ts';
import { hostCards } from './cards-turno-hosts.ts';
import { messagingTurnoCards } from './cards-turno-messaging.ts';
import { platformCard } from './cards-turno-platform.ts';
import { queryCards } from './cards-turno-queries.ts';
import { whatsappConfigCard } from './cards-turno-whatsapp.ts';
import type { Card } from './types.ts';

const byNumber = (a: Card, b: Card) => a.id.localeCompare(b.id, 'en', { numeric: true });

/**
 * Every troubleshooting card: the runbook's nine (1.1 … 5.2, its 38 numbered steps) first,
 * then Turno's own (T.1 …), each group in number order.
 */
export const cards: Card[] = [
  ...[...messagingCards, ...telematicsCards, ...dataCards].sort(byNumber),
  ...[
    ...connectionCards, ...queryCards, whatsappConfigCard, ...hostCards, ...messagingTurnoCards,
    platformCard,
  ].sort(byNumber),
];

const index = new Map(cards.map((card) => [card.id, card]));

/** The card with that number, or undefined (ids from URLs are not trusted to be CardIds). */
export function cardById(id: CardId | string): Card | undefined {
  return index.get(id as CardId);
}
