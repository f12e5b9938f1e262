import type { CliCommand } from '../context';

/** CLI commands of the accounts feature. */
export const accountsCommands: CliCommand[] = [];
