/**
 * Issue 25, finding 11: a start while the previous server is still stopping is refused with a
 * message that says so and for how long at most, not only "in use by another process".
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/server/db';

describe('the PGlite data directory lock', () => {
	it("tells a start during the previous server's drain that it is still stopping, and for how long", async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'kk-lock-'));
		try {
			// The parent process (the test runner) is alive: as if a server were stopping there.
			const until = new Date(Date.now() + 70_000);
			writeFileSync(
				join(dataDir, 'kommunkompassen.lock'),
				`${process.ppid}\nstopping until ${until.toISOString()}\n`
			);
			await expect(openDatabase({ dataDir })).rejects.toThrow(
				new RegExp(
					`previous server \\(pid ${process.ppid}\\) is still stopping.*within (69|70) s at most`
				)
			);
			// A server that is not stopping is still "in use".
			writeFileSync(join(dataDir, 'kommunkompassen.lock'), String(process.ppid));
			await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by another process/);
		} finally {
			rmSync(dataDir, { recursive: true, force: true });
		}
	});
});
