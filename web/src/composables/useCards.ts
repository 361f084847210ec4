import type { Bilingual, Card, CategoryId } from '@turno/shared';
// Direct paths keep zod and the classifier out of the bundle: the PWA only needs the cards.
import { cardById, cards } from '@turno/shared/runbook/cards';
import { categorySummary } from '@turno/shared/runbook/category-summaries';
import { categoryTitle } from '@turno/shared/runbook/category-titles';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';

export interface ProblemGroup {
  problem: string;
  cards: Card[];
}

/** Runbook cards from the bundle (never the API, so they open offline), in the chosen language. */
export function useCards() {
  const { locale, t } = useI18n();

  function text(value: Bilingual): string {
    return locale.value === 'en' ? value.en : value.es;
  }

  function cardFor(id: string | null | undefined): Card | undefined {
    return id ? cardById(id as Card['id']) : undefined;
  }

  function causeTitle(category: string): string {
    if (category === 'unclassified') return t('diagnose.unclassified');
    const title = categoryTitle(category as CategoryId) as Bilingual | undefined;
    return title ? text(title) : category;
  }

  /** The card's summary, or the cause's own when the card tells a later stage (4.1: full). */
  function summaryFor(card: Card, category: string): string {
    return text(categorySummary(category as CategoryId) ?? card.summary);
  }

  const groups = computed<ProblemGroup[]>(() => {
    const byProblem = new Map<string, Card[]>();
    for (const card of cards) {
      const problem = text(card.problem);
      byProblem.set(problem, [...(byProblem.get(problem) ?? []), card]);
    }
    return [...byProblem].map(([problem, list]) => ({ problem, cards: list }));
  });

  return { cards, groups, text, cardFor, causeTitle, summaryFor };
}
