import { Hono } from 'hono';
import {
  categoryTitle, diagnose, diagnoseRequest, redact, type DiagnoseResponse,
} from '@turno/shared';
import { readJson } from '../request.ts';
import type { AppEnv } from '../types.ts';

/** POST /api/diagnose {"text"}: what a pasted error means and the card that fixes it. */
export function diagnoseRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/', async (c) => {
    const { text } = await readJson(c, diagnoseRequest);
    const diagnosis = diagnose(text);

    const body: DiagnoseResponse = {
      category: diagnosis.category,
      card: diagnosis.card,
      title: categoryTitle(diagnosis.category).es,
      text: redact(diagnosis.text),
      severity: diagnosis.severity,
    };
    return c.json(body);
  });
}
