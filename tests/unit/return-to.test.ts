import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/lib/schemas/auth';

const origin = 'https://kompass.example';

describe('safeReturnTo', () => {
	it.each([
		'/\t/evil.example/x',
		'/\n/evil.example/x',
		'/\r\n/evil.example',
		'//evil.example',
		'/\\evil.example',
		'/\\/evil.example',
		'\\\\evil.example',
		'/.//evil.example',
		'/a/..//evil.example',
		'https://evil.example/utvarderingar',
		'http://kompass.example/utvarderingar',
		'javascript:alert(1)',
		'evil.example',
		'',
		'/' + 'a'.repeat(3000)
	])('sends %j to the default', (value) => {
		expect(safeReturnTo(value, origin)).toBe('/utvarderingar');
	});

	it('decodes a query value as the browser would: %09 and %0a never make an off-site Location', () => {
		const params = new URLSearchParams('a=/%09/evil.example/x&b=/%0aX&c=/%5Cevil');
		expect(safeReturnTo(params.get('a'), origin)).toBe('/utvarderingar');
		expect(safeReturnTo(params.get('b'), origin)).toBe('/X');
		expect(safeReturnTo(params.get('c'), origin)).toBe('/utvarderingar');
	});

	it('keeps a same-origin path with its query and fragment, percent-encoded', () => {
		expect(safeReturnTo('/utvarderingar/4/poang?delomrade=1.1#x', origin)).toBe(
			'/utvarderingar/4/poang?delomrade=1.1#x'
		);
		expect(safeReturnTo('/kommuner/Örebro', origin)).toBe('/kommuner/%C3%96rebro');
		expect(safeReturnTo(null, origin, '/')).toBe('/');
		expect(safeReturnTo(['/x'], origin)).toBe('/utvarderingar');
	});
});
