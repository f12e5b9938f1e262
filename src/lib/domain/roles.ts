/**
 * The roles a user account can have. What each role may do is the policy's business
 * (server/auth/policy.ts); the list lives here so the database types, the zod schemas, the CLI
 * and the admin page all read the same one.
 */
export const roles = ['coordinator', 'evaluator', 'municipality'] as const;
export type Role = (typeof roles)[number];
