import { describe, expect, it } from 'vitest';
import { extensionPortIn } from '../../api/src/secrets.ts';
import { synthTemplate } from './test-stack.ts';

const template = synthTemplate();

/** The template's turno-<name> function: its layers and its text variables. */
function lambda(name: string) {
  const found = Object.values(template.findResources('AWS::Lambda::Function', {
    Properties: { FunctionName: `turno-${name}` },
  }))[0];
  const properties = found?.Properties as {
    Layers?: unknown[]; Environment: { Variables: Record<string, unknown> };
  };
  const text = Object.entries(properties.Environment.Variables)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { layers: properties.Layers ?? [], variables: Object.fromEntries(text) };
}

/** AWS's arm64 build of the extension, which CDK names per region. */
const extensionLayer = new RegExp('^arn:aws:lambda:us-east-1:\\d{12}:layer:'
  + 'AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\\d+$');

describe('the Parameters and Secrets extension on the Lambdas', () => {
  it.each(['api', 'watcher'])('serves the %s its secrets, cached a minute', (name) => {
    const { layers, variables } = lambda(name);

    expect(layers).toEqual([expect.stringMatching(extensionLayer)]);
    expect(variables).toMatchObject({
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773', SECRETS_MANAGER_TTL: '60',
      PARAMETERS_SECRETS_EXTENSION_LOG_LEVEL: 'warn',
    });
  });

  it.each(['api', 'watcher'])('is what the %s reads its secrets through on Lambda', (name) => {
    const { variables } = lambda(name);

    // Lambda itself sets the session token the extension asks for.
    expect(extensionPortIn({ ...variables, AWS_SESSION_TOKEN: 'from Lambda' })).toBe(2773);
  });

  it('is not on the authorizer, which reads no secret', () => {
    const { layers, variables } = lambda('authorizer');

    expect(layers).toEqual([]);
    expect(Object.keys(variables).filter((key) => key.includes('SECRET'))).toEqual([]);
    expect(extensionPortIn({ ...variables, AWS_SESSION_TOKEN: 'from Lambda' }))
      .toBeUndefined();
  });
});
