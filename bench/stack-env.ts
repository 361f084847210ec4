import type { Template } from 'aws-cdk-lib/assertions';
import { synthTemplate } from '../infra/lib/test-stack.ts';

/** How the stack runs one Lambda, read from the synthesised template. */
export interface StackFunction {
  runtime: string;
  memoryMb: number;
  /** NODE_OPTIONS in the function's environment, when the stack sets it. */
  nodeOptions: string | undefined;
  /** Whether the stack gives it the Parameters and Secrets extension (which sets its port). */
  secretsExtension: boolean;
}

interface FunctionResource {
  Properties: {
    FunctionName?: string;
    Runtime?: string;
    MemorySize?: number;
    Environment?: { Variables?: Record<string, unknown> };
  };
}

/** The stack's settings for each `turno-<name>`, so the bench runs them as deployed. */
export function stackFunctions<N extends string>(...names: N[]): Record<N, StackFunction> {
  const template = synthTemplate();
  return Object.fromEntries(names.map((name) => [name, stackFunction(template, name)])) as
    Record<N, StackFunction>;
}

function stackFunction(template: Template, name: string): StackFunction {
  const resources = template.findResources('AWS::Lambda::Function') as
    Record<string, FunctionResource>;
  const found = Object.values(resources)
    .find((resource) => resource.Properties.FunctionName === `turno-${name}`);
  if (!found) throw new Error(`The stack has no function turno-${name}`);
  const { Runtime: runtime, MemorySize: memoryMb, Environment: environment } = found.Properties;
  const variables = environment?.Variables ?? {};
  const options = variables.NODE_OPTIONS;
  return {
    runtime: runtime ?? 'unknown',
    memoryMb: memoryMb ?? 128,
    nodeOptions: typeof options === 'string' ? options : undefined,
    secretsExtension: 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT' in variables,
  };
}
