import { describe, expect, it } from 'vitest';
import { sharedRead } from './shared-read.ts';

function setUp(ttlMs = 1000) {
  let clock = 0;
  let calls = 0;
  const read = sharedRead<number>(ttlMs, () => new Date(clock));
  const counted = (mark: string) => read(mark, async () => {
    calls += 1;
    return calls;
  });
  return { counted, read, calls: () => calls, setClock: (ms: number) => { clock = ms; } };
}

describe('sharedRead', () => {
  it('gives callers that arrive while a read runs that same read', async () => {
    const { read } = setUp();
    let finish: (value: number) => void = () => undefined;
    const slow = new Promise<number>((resolve) => { finish = resolve; });
    let started = 0;
    const first = read('a', () => { started += 1; return slow; });
    const second = read('a', () => { started += 1; return Promise.resolve(-1); });

    finish(7);

    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(started).toBe(1);
  });

  it('reads again under another mark, or once the reading is as old as the ttl', async () => {
    const { counted, calls, setClock } = setUp(1000);

    await counted('a');
    await counted('b');
    setClock(999);
    await counted('b');
    setClock(1999);

    expect(calls()).toBe(2);
    expect(await counted('b')).toBe(3);
  });

  it('reads again when the clock went back', async () => {
    const { counted, calls, setClock } = setUp();
    setClock(5000);
    await counted('a');

    setClock(4000);
    await counted('a');

    expect(calls()).toBe(2);
  });

  it('forgets a read that failed', async () => {
    const { read } = setUp();

    await expect(read('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');

    expect(await read('a', () => Promise.resolve(1))).toBe(1);
  });
});
