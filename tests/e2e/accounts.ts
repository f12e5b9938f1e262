import type { Database } from '../../src/lib/server/db';

/** Known accounts for the browser tests (filled in by the accounts feature). */
export const testAccounts = {} as const;

export async function createTestAccounts(_db: Database): Promise<void> {}
