/**
 * What sign-in throttling counts as one client address. An IPv4 address is one address; an IPv6
 * client commonly holds a whole /64 (a home or office network gets one, and any host in it may
 * pick new addresses at will), so IPv6 addresses are counted per /64: 2001:db8::1 and
 * 2001:db8::ffff are the same guesser. An IPv4 address written as IPv6 (::ffff:192.0.2.1) is the
 * IPv4 address.
 */
export function addressBlock(address: string): string {
	const plain = address.trim().toLowerCase().replace(/%.*$/, '');
	const mapped = /^(?:0{0,4}:){0,5}(?:0{0,4}::?)?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
	if (mapped) return mapped[1];
	if (!plain.includes(':')) return plain;
	const groups = ipv6Groups(plain);
	if (!groups) return plain;
	return `${groups
		.slice(0, 4)
		.map((g) => parseInt(g, 16).toString(16))
		.join(':')}::/64`;
}

/** The eight groups of an IPv6 address ('::' expanded, a dotted tail as two groups), or null. */
function ipv6Groups(address: string): string[] | null {
	const split = (part: string) => (part ? part.split(':') : []);
	const dotted = (groups: string[]) => {
		const last = groups.at(-1);
		if (!last?.includes('.')) return groups;
		const bytes = last.split('.').map(Number);
		return [
			...groups.slice(0, -1),
			((bytes[0] << 8) | bytes[1]).toString(16),
			((bytes[2] << 8) | bytes[3]).toString(16)
		];
	};
	const halves = address.split('::');
	if (halves.length > 2) return null;
	const head = dotted(split(halves[0]));
	const tail = halves.length === 2 ? dotted(split(halves[1])) : [];
	const missing = 8 - head.length - tail.length;
	if (halves.length === 2 ? missing < 0 : missing !== 0) return null;
	const groups = [...head, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tail];
	return groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) ? groups : null;
}
