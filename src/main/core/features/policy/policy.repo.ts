import type { PolicyValueItem } from '@shared/contract/policy';
import type { PolicyKey, PolicyValue } from '@shared/domain/policy';
import type { Sqlite } from '../../db/client';

interface PolicyRow {
  id: string;
  key: PolicyKey;
  regionCode: string | null;
  effectiveFrom: string;
  value: number;
  createdAt: string;
  createdBy: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
  sourceCode: string | null;
  sourceName: string | null;
  sourceIssue: number | null;
}

const SELECT = `
  SELECT p.id, p.key, p.region_code AS regionCode, p.effective_from AS effectiveFrom, p.value, p.created_at AS createdAt,
         c.display_name AS createdBy, p.voided_at AS voidedAt, v.display_name AS voidedBy, p.void_reason AS voidReason,
         p.source_code AS sourceCode, p.source_issue AS sourceIssue,
         (SELECT e.name FROM exchange_peers e WHERE e.code = p.source_code AND e.mode = 'federation'
          ORDER BY e.imported_at DESC LIMIT 1) AS sourceName
  FROM policy_values p LEFT JOIN users c ON c.id = p.created_by LEFT JOIN users v ON v.id = p.voided_by`;

/** Every value, newest effective date first within each key and region. */
export function listPolicyValues(sqlite: Sqlite): PolicyValueItem[] {
  return sqlite.prepare(`${SELECT} ORDER BY p.key, p.region_code, p.effective_from DESC, p.created_at DESC`).all() as PolicyRow[];
}

export function findPolicyValue(sqlite: Sqlite, id: string): PolicyValueItem | undefined {
  return sqlite.prepare(`${SELECT} WHERE p.id = ?`).get(id) as PolicyRow | undefined;
}

/** The values that decide what is in force (shared/domain/policy.ts valueInForce). */
export function policyValues(sqlite: Sqlite): PolicyValue[] {
  return (
    sqlite
      .prepare(
        'SELECT key, region_code AS regionCode, effective_from AS effectiveFrom, value, voided_at IS NOT NULL AS voided FROM policy_values',
      )
      .all() as (Omit<PolicyValue, 'voided'> & { voided: number })[]
  ).map((v) => ({ ...v, voided: v.voided === 1 }));
}

export function hasActiveValue(sqlite: Sqlite, key: PolicyKey, regionCode: string | null, effectiveFrom: string): boolean {
  return (
    sqlite
      .prepare('SELECT 1 FROM policy_values WHERE key = ? AND region_code IS ? AND effective_from = ? AND voided_at IS NULL')
      .get(key, regionCode, effectiveFrom) !== undefined
  );
}

export function insertPolicyValue(
  sqlite: Sqlite,
  row: {
    id: string;
    key: PolicyKey;
    regionCode: string | null;
    effectiveFrom: string;
    value: number;
    createdAt: string;
    createdBy: string;
    /** A value from the federation's policy file: its code and the file's issue. */
    source?: { code: string; issue: number };
  },
): void {
  sqlite
    .prepare(
      `INSERT INTO policy_values (id, key, region_code, effective_from, value, created_at, created_by, source_code, source_issue)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      row.id,
      row.key,
      row.regionCode,
      row.effectiveFrom,
      row.value,
      row.createdAt,
      row.createdBy,
      row.source?.code ?? null,
      row.source?.issue ?? null,
    );
}

export function voidPolicyValue(sqlite: Sqlite, id: string, at: string, by: string, reason: string): void {
  sqlite.prepare('UPDATE policy_values SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?').run(at, by, reason, id);
}
