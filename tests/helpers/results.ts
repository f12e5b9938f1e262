/**
 * One record of a result import (`importResults`) on the 2020 rubric: a municipality's published
 * result in the exchange format, at the levels given (subarea `scores`, `areaScores`, `total`).
 */
export const resultRecord = (code: string, year: number, levels: object) => ({
	label: `${code}/${year}`,
	value: {
		format: 'kommunkompassen-result/1',
		rubric: 'kommunkompassen-2020',
		municipality: { code },
		year,
		...levels
	}
});
