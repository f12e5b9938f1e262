import type { CliCommand } from '../context';

/** CLI commands of the workspace feature. */
export const workspaceCommands: CliCommand[] = [];
