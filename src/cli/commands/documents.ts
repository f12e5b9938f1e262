import type { CliCommand } from '../context';

/** CLI commands of the documents feature. */
export const documentsCommands: CliCommand[] = [];
