import { maxRequestBytes } from '@turno/shared/api/limits';
import { describe, expect, it } from 'vitest';
import { CUT_MARK, fitForDiagnosis } from './diagnose-fit.ts';

const bodyBytes = (text: string) => new TextEncoder().encode(JSON.stringify({ text })).length;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('fitForDiagnosis', () => {
  it('sends a paste that fits whole, untouched', () => {
    const text = 'timeout of 3000ms exceeded';

    expect(fitForDiagnosis(text)).toEqual({ text, total: text.length, sent: text.length });
  });

  it('keeps the start and the end of 200 KB, where the error is, within the API\'s limit', () => {
    const pasted = `Error: first line\n${'x'.repeat(200_000)}\nNo space left on device`;

    const fitted = fitForDiagnosis(pasted);

    expect(bodyBytes(fitted.text)).toBeLessThanOrEqual(maxRequestBytes);
    expect(bodyBytes(fitted.text)).toBeGreaterThan(maxRequestBytes - 16);
    expect(fitted.text.startsWith('Error: first line')).toBe(true);
    expect(fitted.text.endsWith('No space left on device')).toBe(true);
    expect(fitted.text).toContain(CUT_MARK);
    expect(fitted).toMatchObject({
      total: pasted.length, sent: fitted.text.length - CUT_MARK.length,
    });
  });

  it.each([
    ['two-byte letters', 'ñ'],
    ['three-byte symbols', '€'],
    ['emoji', '🚚'],
    ['quotes and backslashes, escaped in JSON', '"\\'],
    ['control characters, escaped as \\u00XX', '\u0001\u0002'],
    ['lone surrogates, escaped as \\ud800', '\ud800'],
  ])('measures %s by the bytes JSON gives them', (_name, unit) => {
    const pasted = unit.repeat(Math.ceil(70_000 / unit.length));

    const fitted = fitForDiagnosis(pasted);

    expect(bodyBytes(fitted.text)).toBeLessThanOrEqual(maxRequestBytes);
    expect(fitted.sent).toBeLessThan(fitted.total);
  });

  it('never cuts an emoji in half at either end', () => {
    const pasted = `a${'🚚'.repeat(40_000)}`;

    const { text } = fitForDiagnosis(pasted);

    expect(loneSurrogate.test(text.replace(CUT_MARK, ''))).toBe(false);
  });

  it('sends whole a paste just under the limit once measured in bytes', () => {
    const pasted = 'y'.repeat(maxRequestBytes - 11);

    expect(fitForDiagnosis(pasted).text).toBe(pasted);
    expect(fitForDiagnosis(`${pasted}y`).sent).toBeLessThan(pasted.length + 1);
  });
});
