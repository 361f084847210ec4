import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { ApiError } from '../api/client.ts';
import { mountApp } from '../test-utils.ts';
import { useConfirm } from './useConfirm.ts';

function harness(run: (action: string, key: string) => Promise<void>) {
  let confirm!: ReturnType<typeof useConfirm<string>>;
  const Probe = defineComponent({
    setup() {
      confirm = useConfirm(run);
      return () => h('div');
    },
  });
  mountApp(Probe);
  return confirm;
}

describe('useConfirm', () => {
  it('reuses the Idempotency-Key when the same confirmation is retried', async () => {
    const run = vi.fn()
      .mockRejectedValueOnce(new ApiError('cloud_unavailable', 502, 'down'))
      .mockResolvedValueOnce(undefined);
    const confirm = harness(run);

    confirm.ask('pause');
    await confirm.accept();
    expect(confirm.error.value).toBe('AWS no respondió. Intenta de nuevo en un momento.');
    await confirm.accept();

    const [first, second] = run.mock.calls.map((call) => call[1]);
    expect(first).toBe(second);
    expect(confirm.action.value).toBeNull();
  });

  it('uses a new key for a new confirmation', async () => {
    const run = vi.fn(async () => undefined);
    const confirm = harness(run);

    confirm.ask('pause');
    await confirm.accept();
    confirm.ask('pause');
    await confirm.accept();

    const [first, second] = run.mock.calls.map((call) => (call as unknown[])[1]);
    expect(first).not.toBe(second);
  });
});
