import type { CliCommand } from '../context';

/** CLI commands of the results feature. */
export const resultsCommands: CliCommand[] = [];
