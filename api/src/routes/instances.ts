import { Hono } from 'hono';
import { TurnoError } from '@turno/shared';
import { callCloud } from '../cloud/errors.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** `/api/instances`: the two EC2 instances with state, type, zone and status checks. */
export function instancesRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const instances = await fromEc2(() => deps.cloud.ec2.listInstances());
    return c.json(instances);
  });
}

/** EC2's own errors (UnauthorizedOperation, throttling …) carry `$metadata` from SDK v3. */
async function fromEc2<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await callCloud(call);
  } catch (error) {
    if (error instanceof Error && '$metadata' in error) {
      throw new TurnoError('cloud_unavailable', undefined, { awsError: error.name });
    }
    throw error;
  }
}
