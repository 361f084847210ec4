import { describe, expect, it } from 'vitest';
import { categoryDefaults, categoryIds } from '../diagnosis/categories.ts';
import { cardById, cards } from './cards.ts';
import { categoryTitle } from './category-titles.ts';

const runbookCards = cards.filter((card) => !card.turno);
const turnoCards = cards.filter((card) => card.turno);

describe('cards', () => {
  it('holds the runbook\'s nine diagnoses in order, then Turno\'s own', () => {
    expect(runbookCards.map((card) => card.id)).toEqual(
      ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2', '4.1', '5.1', '5.2'],
    );
    expect(turnoCards.map((card) => card.id).slice(0, 10)).toEqual(
      ['T.1', 'T.2', 'T.3', 'T.4', 'T.5', 'T.6', 'T.7', 'T.8', 'T.9', 'T.10'],
    );
    expect(cards.slice(0, 9)).toEqual(runbookCards);
  });

  it('has the runbook\'s 38 numbered steps', () => {
    expect(runbookCards.flatMap((card) => card.steps)).toHaveLength(38);
  });

  it.each(cards.map((card) => [card.id, card] as const))(
    'numbers the steps of card %s 1, 2, 3… under its own id',
    (id, card) => {
      const expected = card.steps.map((_, index) => `${id}.${index + 1}`);
      expect(card.steps.map((step) => step.id)).toEqual(expected);
    },
  );

  it.each(cards.map((card) => [card.id, card] as const))(
    'says everything on card %s in Spanish and in English',
    (_id, card) => {
      const texts = [card.problem, card.title, card.summary, ...card.steps.map((s) => s.text)];
      for (const text of texts) {
        expect(text.es.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
        expect(text.en).not.toBe(text.es);
      }
    },
  );

  it('takes titles from the runbook table', () => {
    expect(cardById('4.1')?.title.es).toBe('Almacenamiento de RDS lleno');
    expect(cardById('4.1')?.problem.es).toBe('4. No se muestran datos en la plataforma');
    expect(cardById('2.1')?.steps[2]?.text.es).toBe('Deshabilitarla temporalmente.');
  });

  it.each([
    ['2.1.3', 'pause-schedule'],
    ['2.1.5', 'resume-schedule'],
    ['4.1.4', 'grow-storage'],
    ['5.1.6', 'pause-schedule'],
    ['T.7.4', 'flush-pm2'],
  ])('offers a button on step %s: %s', (stepId, action) => {
    const step = cards.flatMap((card) => card.steps).find((candidate) => candidate.id === stepId);
    expect(step?.action).toBe(action);
  });

  it('offers growing storage on one step only', () => {
    const growing = cards.flatMap((card) => card.steps).filter((s) => s.action === 'grow-storage');
    expect(growing.map((step) => step.id)).toEqual(['4.1.4']);
  });

  it('has a card for every category that names one', () => {
    for (const category of categoryIds) {
      const { card } = categoryDefaults[category];
      if (card !== null) expect(cardById(card)?.id).toBe(card);
    }
  });

  it('gives every card some category that leads to it', () => {
    const reached = new Set(categoryIds.map((category) => categoryDefaults[category].card));
    reached.add('2.2'); // reached by context: invalid_grant in a MiX or Guardian function
    for (const card of cards) expect(reached.has(card.id), card.id).toBe(true);
  });
});

describe('cardById', () => {
  it.each([['an unknown number', '9.9'], ['an empty id', ''], ['a step id', '4.1.1']])(
    'finds nothing for %s',
    (_name, id) => {
      expect(cardById(id)).toBeUndefined();
    },
  );
});

describe('categoryTitle', () => {
  it.each(categoryIds.map((category) => [category]))('names %s in both languages', (category) => {
    const title = categoryTitle(category);
    expect(title.es.length).toBeGreaterThan(3);
    expect(title.en.length).toBeGreaterThan(3);
  });

  it('names unclassified errors plainly', () => {
    expect(categoryTitle('unclassified')).toEqual({
      es: 'Error sin clasificar',
      en: 'Unclassified error',
    });
  });
});
