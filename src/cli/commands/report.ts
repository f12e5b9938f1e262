import type { CliCommand } from '../context';

/** CLI commands of the report feature. */
export const reportCommands: CliCommand[] = [];
