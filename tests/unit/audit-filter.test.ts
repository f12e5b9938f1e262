import { describe, expect, it } from 'vitest';
import { auditFilterSchema } from '../../src/lib/schemas/audit-filter';

describe('the audit log filter', () => {
	it('ignores dates that do not exist and ids beyond the integer range', () => {
		expect(
			auditFilterSchema.parse({
				from: '2025-13-45',
				to: '2025-02-30',
				user: '2147483648',
				evaluation: '-1',
				before: '1e3'
			})
		).toEqual({
			from: undefined,
			to: undefined,
			user: undefined,
			evaluation: undefined,
			before: 1000
		});
	});

	it('keeps real dates and ids', () => {
		expect(
			auditFilterSchema.parse({ from: '2024-02-29', to: '2025-12-31', user: '2147483647' })
		).toMatchObject({ from: '2024-02-29', to: '2025-12-31', user: 2147483647 });
	});
});
