import { synthTemplate } from '../infra/lib/test-stack.ts';

/** How the stack runs one Lambda, read from the synthesised template. */
export interface StackFunction {
  runtime: string;
  memoryMb: number;
  /** NODE_OPTIONS in the function's environment, when the stack sets it. */
  nodeOptions: string | undefined;
}

interface FunctionResource {
  Properties: {
    FunctionName?: string;
    Runtime?: string;
    MemorySize?: number;
    Environment?: { Variables?: Record<string, unknown> };
  };
}

/** The stack's settings for `turno-<name>`, so the report says what the stack does. */
export function stackFunction(name: string): StackFunction {
  const resources = synthTemplate().findResources('AWS::Lambda::Function') as
    Record<string, FunctionResource>;
  const found = Object.values(resources)
    .find((resource) => resource.Properties.FunctionName === `turno-${name}`);
  if (!found) throw new Error(`The stack has no function turno-${name}`);
  const { Runtime: runtime, MemorySize: memoryMb, Environment: environment } = found.Properties;
  const options = environment?.Variables?.NODE_OPTIONS;
  return {
    runtime: runtime ?? 'unknown',
    memoryMb: memoryMb ?? 128,
    nodeOptions: typeof options === 'string' ? options : undefined,
  };
}
