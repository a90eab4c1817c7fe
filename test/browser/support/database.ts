import { Client } from 'pg';
import { ADMIN_URL } from '../../integration/globalSetup';

/**
 * A database of the journey's own on the local PostgreSQL server (the system migrates it at start). The
 * run's shared database holds the people every integration test creates — more fair-competition reviewers,
 * lawyers and meeting members than a bureau has — and the journey checks what a bureau's people see: a
 * reviewer pre-filled when there is one, the meeting's members from the directory, statistics of its matters.
 */
export async function privateDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lr_browser_${Date.now()}_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
