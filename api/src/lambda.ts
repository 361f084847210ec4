import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { createRuntime } from './runtime.ts';

type Handler = ReturnType<typeof handle>;

// Built once per container; loadConfig refuses DEV_SIGN_IN here and requires DATABASE_URL.
const ready: Promise<Handler> = (async () => {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel, module: 'lambda' });
  const runtime = await createRuntime(config, log);
  return handle(createApp(runtime.deps));
})();

export const handler = async (
  ...args: Parameters<Handler>
): Promise<Awaited<ReturnType<Handler>>> => (await ready)(...args);
