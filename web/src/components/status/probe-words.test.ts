import {
  probeSummarySchemas, ultraMsgSummaryStatuses, ultraMsgSummarySubstatuses,
} from '@turno/shared';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import en from '../../i18n/en.json';
import esMX from '../../i18n/es-MX.json';

/** Free-text summary fields whose known values still get words. */
const knownWords: Record<string, readonly string[]> = {
  status: ultraMsgSummaryStatuses, substatus: ultraMsgSummarySubstatuses,
};

function has(messages: object, key: string): boolean {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string';
}

function bare(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional || schema instanceof z.ZodNullable
    ? bare(schema.unwrap() as z.ZodType) : schema;
}

/** The messages Estado needs for one summary key, by what the key's values can be. */
function needed(name: string, schema: z.ZodType): string[][] {
  const inner = bare(schema);
  if (inner instanceof z.ZodBoolean) {
    return [[`probes.summaryTrue.${name}`], [`probes.summaryFalse.${name}`]];
  }
  const keys = [[`probes.summary.${name}`]];
  const values = inner instanceof z.ZodEnum ? inner.options.map(String) : knownWords[name] ?? [];
  for (const value of values) {
    keys.push([`probes.values.${name}.${value}`, `probes.value.${value}`]);
  }
  if (schema.safeParse(null).success) keys.push([`probes.summaryNull.${name}`, keys[0]![0]!]);
  return keys;
}

const summaryKeys = Object.entries(probeSummarySchemas).flatMap(([probe, schema]) =>
  Object.entries(schema.shape).map(([name, field]) => ({ probe, name, field })));

describe('the words for every probe on Estado', () => {
  it.each([['es-MX', esMX], ['en', en]])('names every probe in %s', (_locale, messages) => {
    const missing = Object.keys(probeSummarySchemas)
      .filter((probe) => !has(messages, `probes.name.${probe}`));

    expect(missing).toEqual([]);
  });

  it.each([['es-MX', esMX], ['en', en]])(
    'has words in %s for every summary key, enum value and empty value a probe reports',
    (_locale, messages) => {
      const missing = summaryKeys.flatMap(({ probe, name, field }) =>
        needed(name, field as z.ZodType)
          .filter((options) => !options.some((key) => has(messages, key)))
          .map((options) => `${probe}: ${options[0]}`));

      expect(missing).toEqual([]);
    },
  );

  it('knows the keys each probe reports', () => {
    expect(summaryKeys.filter((key) => key.probe.startsWith('gmail')).map((key) => key.name))
      .toEqual(['token', 'expiresIn', 'saturated', 'retryAt', 'basis', 'waiting']);
  });
});
