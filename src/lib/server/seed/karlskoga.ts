import type { Database } from '../db';
import type { SeedLog } from './index';

/** Demo data of this feature; not yet written. */
export async function seedKarlskoga(_db: Database, _log: SeedLog): Promise<void> {}
