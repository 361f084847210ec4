import type { Template } from 'aws-cdk-lib/assertions';

/** Test support: the IAM statements of a synthesised template, and whether they allow a call. */
export interface Statement {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** One authorisation IAM makes: an action on each of its resources, with the request's keys. */
export interface AccessRequest {
  action: string;
  resources: unknown[];
  context?: Record<string, string>;
}

export const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Every value stored under `key` anywhere in the template's resources. */
function collect(template: Template, key: string): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (key in record) found.push(record[key]);
    Object.values(record).forEach(walk);
  };
  walk(template.toJSON().Resources);
  return found;
}

/** Every statement of every policy document in the template, wherever it sits. */
export const statements = (template: Template): Statement[] =>
  collect(template, 'Statement').flatMap((value) => list(value as Statement[]));

/** Every managed policy attached anywhere (roles, users, groups), AWS's or the account's. */
export const managedPolicies = (template: Template): unknown[] =>
  collect(template, 'ManagedPolicyArns').flatMap((value) => list(value));

export const readOnly = /^[\w-]+:(Describe|Get|List|Filter)\w*$/;

/** Allowed statements with an action that can change something and `*` as a resource. */
export const writesOnEverything = (template: Template): Statement[] =>
  statements(template).filter((s) => s.Effect === 'Allow'
    && list(s.Action).some((action) => !readOnly.test(action))
    && list(s.Resource).includes('*'));

/** The statements of one Lambda's role: its inline policies and every policy naming the role. */
export function roleStatements(template: Template, functionName: string): Statement[] {
  const fn = Object.values(template.findResources('AWS::Lambda::Function'))
    .find((resource) => resource.Properties.FunctionName === functionName);
  const roleId = (fn?.Properties.Role as { 'Fn::GetAtt'?: string[] } | undefined)
    ?.['Fn::GetAtt']?.[0];
  const role = roleId ? template.findResources('AWS::IAM::Role')[roleId] : undefined;
  if (!roleId || !role) throw new Error(`no role of its own for ${functionName}`);
  type Document = { PolicyDocument: { Statement: Statement[] } };
  const inline = list(role.Properties.Policies as Document[] | undefined);
  const attached = ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']
    .flatMap((type) => Object.values(template.findResources(type)))
    .filter((policy) => list(policy.Properties.Roles as unknown[] | undefined)
      .some((ref) => JSON.stringify(ref) === JSON.stringify({ Ref: roleId })))
    .map((policy) => policy.Properties as Document);
  return [...inline, ...attached].flatMap((doc) => doc.PolicyDocument.Statement);
}

const glob = (pattern: string, value: string, flags = '') => new RegExp(`^${pattern
  .replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, flags)
  .test(value);

/** A resource names the same thing: a glob for text, the same intrinsic for a CDK reference. */
const coversResource = (pattern: unknown, resource: unknown) =>
  typeof pattern === 'string' && typeof resource === 'string'
    ? glob(pattern, resource) : JSON.stringify(pattern) === JSON.stringify(resource);

const operators: Record<string, (expected: string, value: string) => boolean> = {
  StringEquals: (expected, value) => expected === value,
  StringLike: glob,
  ArnEquals: glob,
  ArnLike: glob,
};

/** Conditions as IAM reads them; an operator this file does not know never holds. */
function conditionsHold(condition: Statement['Condition'], context: Record<string, string>) {
  const keys = Object.fromEntries(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.entries(condition ?? {}).every(([operator, tests]) => {
    const ifExists = operator.endsWith('IfExists');
    const compare = operators[operator.replace(/IfExists$/, '')];
    return compare !== undefined && Object.entries(tests).every(([key, expected]) => {
      const value = keys[key.toLowerCase()];
      if (value === undefined) return ifExists;
      return list(expected as string | string[]).some((e) => compare(e, value));
    });
  });
}

const matches = (s: Statement, request: AccessRequest, resource: unknown) =>
  list(s.Action).some((action) => glob(action, request.action, 'i'))
  && list(s.Resource).some((pattern) => coversResource(pattern, resource))
  && conditionsHold(s.Condition, request.context ?? {});

/** Whether the statements allow the request on every one of its resources. */
export function allows(all: Statement[], request: AccessRequest): boolean {
  return request.resources.length > 0 && request.resources.every((resource) =>
    all.some((s) => s.Effect === 'Allow' && matches(s, request, resource))
    && !all.some((s) => s.Effect === 'Deny' && matches(s, request, resource)));
}
