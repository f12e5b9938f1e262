import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses `--name value` options; unknown options are an error with a clear message. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
	args: string[],
	options: T
) {
	return parseArgs({ args, options, allowPositionals: true, strict: true });
}
