import type { CliCommand } from '../context';

/** CLI commands of the actionPlans feature. */
export const actionPlansCommands: CliCommand[] = [];
