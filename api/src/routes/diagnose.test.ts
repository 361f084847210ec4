import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryTitle, diagnose } from '@turno/shared';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

describe('POST /api/diagnose', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  async function post(text: unknown) {
    const app = createApp(deps);
    const token = await signIn(app, 'observador');
    return app.request('/api/diagnose', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
    });
  }

  it('returns the classifier\'s cause, card and severity with a Spanish title', async () => {
    const text = 'could not extend file "base/16398/1160232.23": No space left on device';

    const response = await post(text);
    const body = await response.json() as Record<string, unknown>;

    const expected = diagnose(text);
    expect(response.status).toBe(200);
    expect(body).toMatchObject({
      category: expected.category, card: expected.card, severity: expected.severity,
    });
    expect(body.category).toBe('database-disk-full');
    expect(body.card).toBe('4.1');
    expect(body.title).toBe(categoryTitle('database-disk-full').es);
  });

  it('never returns the token an UltraMsg URL carries', async () => {
    const secret = 'k7x9q2w8e5r1t3y6';
    const text = `Request failed with status code 401 at https://api.ultramsg.com/instance71234/`
      + `messages/chat?token=${secret}&to=5215512345678`;

    const response = await post(text);
    const raw = await response.text();

    expect(response.status).toBe(200);
    expect(raw).not.toContain(secret);
    expect(raw).toContain('instance71234');
  });

  it('still answers for text nobody recognises, marked unclassified', async () => {
    const response = await post('la impresora se quedó sin tinta');
    const body = await response.json() as Record<string, unknown>;

    expect(body).toMatchObject({ category: 'unclassified', card: null });
    expect(body.text).toContain('impresora');
  });

  it.each([['an empty text', ''], ['a text of spaces only', '   \n ']])(
    'answers 400 validation_failed for %s', async (_, text) => {
      const response = await post(text);

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    });

  it('reads a paste of nearly 64 KB whole, down to the error at its end', async () => {
    const text = `${'x'.repeat(60_000)}\ncould not extend file "base/1/2": No space left on device`;

    const response = await post(text);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ category: 'database-disk-full', card: '4.1' });
  });

  it('answers 413 body_too_large for a body over the limit', async () => {
    const response = await post('x'.repeat(70_000));

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'body_too_large' } });
  });
});
