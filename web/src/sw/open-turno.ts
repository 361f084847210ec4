/** What opening Turno needs from the worker: its window clients and its own origin. */
export interface TurnoWindows {
  origin: string;
  clients: Pick<Clients, 'matchAll' | 'openWindow'>;
}

/** navigate() fails on a window this worker does not control; the app then routes itself. */
async function moveTo(client: WindowClient, href: string): Promise<void> {
  try {
    await client.navigate(href);
  } catch {
    client.postMessage({ type: 'turno:navigate', url: href });
  }
}

/**
 * A notification's tap: focus a Turno window that is already open and show `path` in it, or
 * open a new window on `path` when none is.
 */
export async function openTurno(path: string, worker: TurnoWindows): Promise<void> {
  const url = new URL(path, worker.origin);
  const windows = await worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === url.origin);
  if (open) {
    const focused = await open.focus();
    await moveTo(focused, url.href);
    return;
  }
  await worker.clients.openWindow(url.href);
}
