/** Roles from least to most privileged. A channel names the lowest role that may call it. */
export const ROLES = ['viewer', 'clerk', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Channels open without a signed-in user (setup, sign-in) use 'public'. */
export type ChannelAccess = Role | 'public';

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function roleAllows(userRole: Role, required: Role): boolean {
  return roleRank(userRole) >= roleRank(required);
}
