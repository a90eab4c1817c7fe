import type { Pool, PoolClient } from 'pg';

/**
 * Gives back to the pool the connections that died while checked out and that nobody released.
 *
 * When the server ends a connection in the middle of an interactive transaction (a terminated backend, a
 * restart, a failover), Prisma's pg adapter (6.19) never releases that client: its ROLLBACK fails on the dead
 * connection before the release. Each such client stays "checked out" for ever; after `max` of them every
 * query waits for a free connection with no end, and activities hang until their timeout, again and again
 * (found by the fault suite: matters stuck for minutes after 10 s of terminated connections).
 *
 * A checked-out client whose connection ended is released with an error — which makes the pool discard it —
 * after a short grace period in which its holder may still do so itself.
 */
export function releaseDeadConnections(pool: Pool, graceMs = 1_000): void {
  const checkedOut = new Map<PoolClient, () => void>();
  pool.on('acquire', (client) => {
    const onEnd = () => {
      setTimeout(() => {
        if (!checkedOut.has(client)) return; // released by its holder meanwhile
        checkedOut.delete(client);
        try {
          client.release(new Error('connection ended while checked out'));
        } catch {
          /* released meanwhile */
        }
      }, graceMs).unref();
    };
    checkedOut.set(client, onEnd);
    client.once('end', onEnd);
  });
  pool.on('release', (_err, client) => {
    const onEnd = checkedOut.get(client);
    if (!onEnd) return;
    checkedOut.delete(client);
    client.removeListener('end', onEnd);
  });
}
