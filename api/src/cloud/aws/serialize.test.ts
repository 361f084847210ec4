import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from './serialize.ts';

/** A task that records its start and end and finishes only when released. */
function gate(events: string[], name: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  const work = async () => {
    events.push(`${name} start`);
    await released;
    events.push(`${name} end`);
    return name;
  };
  return { work, release: () => release() };
}

/** Lets every already-queued promise callback run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('createKeyedQueue', () => {
  it('starts work on one key only after the work before it has finished', async () => {
    const queue = createKeyedQueue();
    const events: string[] = [];
    const first = gate(events, 'first');
    const second = gate(events, 'second');

    const results = [queue.run('a', first.work), queue.run('a', second.work)];
    await settle();
    expect(events).toEqual(['first start']);
    first.release();
    second.release();

    expect(await Promise.all(results)).toEqual(['first', 'second']);
    expect(events).toEqual(['first start', 'first end', 'second start', 'second end']);
  });

  it('runs work on different keys side by side', async () => {
    const queue = createKeyedQueue();
    const events: string[] = [];
    const a = gate(events, 'a');
    const b = gate(events, 'b');

    const results = [queue.run('a', a.work), queue.run('b', b.work)];
    await settle();

    expect(events).toEqual(['a start', 'b start']);
    a.release();
    b.release();
    await Promise.all(results);
  });

  it('goes on with the next work when one fails, and rejects only the failed one', async () => {
    const queue = createKeyedQueue();
    const boom = new Error('boom');

    const failed = queue.run('a', async () => { throw boom; });
    const next = queue.run('a', async () => 'next');

    await expect(failed).rejects.toBe(boom);
    expect(await next).toBe('next');
  });

  it('forgets a key once its work is done', async () => {
    const queue = createKeyedQueue();

    const running = queue.run('a', async () => 'done');
    expect(queue.busyKeys()).toEqual(['a']);
    await running;
    await settle();

    expect(queue.busyKeys()).toEqual([]);
  });
});
