import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  describeDbInstances, metricData, scheduler, secretValue, type FakeAnswer,
} from './fake-aws-answers.ts';

export interface FakeAws {
  /** AWS_ENDPOINT_URL_<SERVICE> for each service served, all on one 127.0.0.1 port. */
  endpoints: Record<string, string>;
  /** How many times each operation was called, e.g. `{ GetSecretValue: 2 }`. */
  calls: () => Record<string, number>;
  close(): Promise<void>;
}

/**
 * The AWS reads a cold start makes, over each service's own wire protocol on 127.0.0.1:
 * Secrets Manager (JSON 1.1), RDS (Query), CloudWatch (JSON 1.0) and EventBridge Scheduler
 * (REST JSON). A bundle's cold start then includes loading each SDK client it needs and one
 * real HTTP round trip per call, with no AWS account. Anything else is refused and counted.
 */
export async function startFakeAws(secrets: Record<string, string>): Promise<FakeAws> {
  const calls: Record<string, number> = {};
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { operation, answer } = route(request, Buffer.concat(chunks).toString(), secrets);
      calls[operation] = (calls[operation] ?? 0) + 1;
      response.writeHead(answer.status, {
        'content-type': answer.type,
        'x-amzn-requestid': 'bench',
        ...answer.errorType ? { 'x-amzn-errortype': answer.errorType } : {},
      });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoints: {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: url, AWS_ENDPOINT_URL_RDS: url,
      AWS_ENDPOINT_URL_CLOUDWATCH: url, AWS_ENDPOINT_URL_SCHEDULER: url,
    },
    calls: () => ({ ...calls }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function route(
  request: IncomingMessage, body: string, secrets: Record<string, string>,
): { operation: string; answer: FakeAnswer } {
  const target = String(request.headers['x-amz-target'] ?? '');
  if (target === 'secretsmanager.GetSecretValue') {
    const { SecretId: id } = JSON.parse(body || '{}') as { SecretId?: string };
    return { operation: 'GetSecretValue', answer: secretValue(secrets, id) };
  }
  if (target === 'GraniteServiceVersion20100801.GetMetricData') {
    const { MetricDataQueries: queries = [] } = JSON.parse(body || '{}') as {
      MetricDataQueries?: Parameters<typeof metricData>[0];
    };
    return { operation: 'GetMetricData', answer: metricData(queries) };
  }
  const form = new URLSearchParams(body);
  if (request.method === 'POST' && form.get('Action') === 'DescribeDBInstances') {
    return {
      operation: 'DescribeDBInstances',
      answer: describeDbInstances(form.get('DBInstanceIdentifier')),
    };
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const answer = request.method === 'GET' ? scheduler(url.pathname, url.searchParams) : undefined;
  if (answer) return { operation: `GET ${url.pathname.split('/')[1] ?? ''}`, answer };
  return {
    operation: `unexpected ${request.method} ${url.pathname} ${target}`,
    answer: {
      status: 400, type: 'application/json', errorType: 'UnknownOperationException',
      body: JSON.stringify({ message: 'The bench does not fake this call.' }),
    },
  };
}
