import type { OrgMode } from '@shared/contract/org';

export interface OrgValues {
  name: string;
  creditCode: string;
  regionCode: string;
  mode: OrgMode;
}

export interface AdminValues {
  username: string;
  displayName: string;
  password: string;
  confirmation: string;
}

export const EMPTY_ORG: OrgValues = { name: '', creditCode: '', regionCode: '', mode: 'centre' };
export const EMPTY_ADMIN: AdminValues = { username: '', displayName: '', password: '', confirmation: '' };
