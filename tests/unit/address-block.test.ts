import { describe, expect, it } from 'vitest';
import { addressBlock } from '../../src/lib/server/auth/address-block';

describe('addressBlock: what sign-in throttling counts as one address', () => {
	it.each([
		['192.0.2.1', '192.0.2.1'],
		['::ffff:192.0.2.1', '192.0.2.1'],
		['2001:db8:1:2::1', '2001:db8:1:2::/64'],
		['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', '2001:db8:1:2::/64'],
		['2001:DB8:1:2:3:4:5:6%eth0', '2001:db8:1:2::/64'],
		['2001:db8::1', '2001:db8:0:0::/64'],
		['::1', '0:0:0:0::/64'],
		['fe80::1:2:3:4', 'fe80:0:0:0::/64'],
		['not an address', 'not an address']
	])('%s → %s', (address, block) => {
		expect(addressBlock(address)).toBe(block);
	});
});
