import { cards } from '@turno/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { mountApp } from '../test-utils.ts';
import GuidesPage from './GuidesPage.vue';

describe('GuidesPage', () => {
  beforeEach(() => localStorage.clear());

  it('renders every shared card with all of its steps', () => {
    const { wrapper } = mountApp(GuidesPage);

    const rendered = wrapper.findAll('[data-testid="guide-card"]');
    expect(rendered.map((card) => card.attributes('data-card'))).toEqual(
      expect.arrayContaining(cards.map((card) => card.id)));
    expect(rendered).toHaveLength(cards.length);
    for (const card of cards) {
      const view = wrapper.get(`[data-testid="guide-card"][data-card="${card.id}"]`);
      const steps = view.findAll('[data-testid="guide-step"]')
        .map((step) => step.attributes('data-step'));
      expect(steps).toEqual(card.steps.map((step) => step.id));
    }
  });

  it('keeps a ticked step on the device for that card', async () => {
    const { wrapper } = mountApp(GuidesPage);
    const first = cards[0]!;

    await wrapper.get(`[data-card="${first.id}"] input[type="checkbox"]`).setValue(true);

    expect(JSON.parse(localStorage.getItem(`turno.guide.${first.id}`) ?? '[]'))
      .toEqual([first.steps[0]!.id]);
  });
});
