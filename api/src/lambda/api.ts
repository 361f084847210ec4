import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createApp, preloadRoutes } from '../app.ts';
import { once } from '../cloud/aws/index.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createLambdaDeps } from './runtime.ts';

type Handler = ReturnType<typeof handle>;

// Built on the first invocation and kept while the container is warm; a failed start is retried.
// loadConfig refuses DEV_SIGN_IN here and requires a database.
const container = once(async (): Promise<Handler> => {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel, module: 'lambda.api' });
  const deps = await createLambdaDeps(config, log, { migrate: true });
  return handle(createApp(deps));
});

let started = false;

/** API Gateway HTTP API (payload 2.0) → the Hono app; the principal comes from the authorizer. */
export async function handler(
  event: LambdaEvent, context?: LambdaContext,
): Promise<Awaited<ReturnType<Handler>>> {
  if (!started) {
    started = true;
    preloadRoutes('rawPath' in event ? event.rawPath : event.path);
  }
  return (await container())(event, context);
}
