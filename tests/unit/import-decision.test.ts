import { describe, expect, it } from 'vitest';
import {
  checkImportDecision,
  IMPORT_DECISIONS,
  IMPORT_STATUSES,
  type ImportDecision,
  type ImportStatus,
} from '@shared/domain/existing-files';
import { ROLES, type Role } from '@shared/roles';

/** Four eyes for 存量档案 imports: who may confirm, reject or withdraw a staged import (shared/domain/existing-files.ts). */
const STAGER = 'clerk-sun';
const pending: { status: ImportStatus; stagedBy: string } = { status: 'pending', stagedBy: STAGER };
const codes = (decision: ImportDecision, id: string, role: Role, reason: string | null = '理由', batch = pending) =>
  checkImportDecision(batch, decision, { id, role }, reason).map((b) => b.code);

describe('deciding an import of old files', () => {
  it('is confirmed or rejected only by a reviewer or administrator other than the stager', () => {
    for (const decision of ['confirm', 'reject'] as const) {
      expect(codes(decision, 'reviewer-li', 'reviewer')).toEqual([]);
      expect(codes(decision, 'admin-wang', 'admin')).toEqual([]);
      expect(codes(decision, 'clerk-zhou', 'clerk')).toEqual(['ROLE']);
      expect(codes(decision, 'viewer-qian', 'viewer')).toEqual(['ROLE']);
      // An administrator or reviewer who staged it is still the same person.
      expect(codes(decision, STAGER, 'admin')).toEqual(['SAME_PERSON']);
    }
    expect(codes('reject', 'reviewer-li', 'reviewer', '  ')).toEqual(['REASON_REQUIRED']);
  });

  it('is withdrawn only by the one who staged it', () => {
    expect(codes('withdraw', STAGER, 'clerk')).toEqual([]);
    expect(codes('withdraw', 'admin-wang', 'admin')).toEqual(['NOT_STAGER']);
    expect(codes('withdraw', 'viewer-qian', 'viewer')).toEqual(['ROLE', 'NOT_STAGER']);
  });

  it('is decided once: no decision applies to an import no longer pending, whoever asks', () => {
    for (const status of IMPORT_STATUSES.filter((s) => s !== 'pending')) {
      for (const decision of Object.keys(IMPORT_DECISIONS) as ImportDecision[]) {
        for (const role of ROLES)
          expect(codes(decision, 'someone', role, '理由', { status, stagedBy: STAGER })).toEqual(['IMPORT_DECIDED']);
      }
    }
  });
});
