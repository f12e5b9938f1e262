import { describe, expect, it } from 'vitest';
import { cleanFileName } from '../../src/lib/domain/file-name';

describe('cleanFileName: the name an upload is stored under (issue 25, finding 9)', () => {
	it.each([
		['styrmodell.pdf', 'styrmodell.pdf'],
		['Mål och budget 2026.docx', 'Mål och budget 2026.docx'],
		['../../../../etc/passwd.txt', 'passwd.txt'],
		['C:\\Users\\anna\\plan.pdf', 'plan.pdf'],
		['plan\r\nSet-Cookie: x.txt', 'planSet-Cookie: x.txt'],
		['\u202Etxt.exe', 'txt.exe'],
		['a\u2066b\u2069c\u200F.pdf', 'abc.pdf'],
		['..', 'document'],
		['   ', 'document'],
		['.htaccess', 'htaccess']
	])('%j → %j', (sent, stored) => {
		expect(cleanFileName(sent)).toBe(stored);
	});

	it('keeps a long name to 255 bytes of UTF-8 with its extension, never half a character', () => {
		const long = cleanFileName(`${'ö'.repeat(5000)}.pdf`);
		expect(Buffer.byteLength(long, 'utf8')).toBeLessThanOrEqual(255);
		expect(long.endsWith('ö.pdf')).toBe(true);
		expect(long).not.toMatch(/\uFFFD/);
		expect(cleanFileName('x'.repeat(5000))).toHaveLength(255);
	});
});
