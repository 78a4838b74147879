import type { AuditAlarmKind, AuditCheckMoment, AuditParams, AuditSummary } from '@shared/audit-events';
import type { CoreState } from '../../context';
import type { Sqlite } from '../../db/client';
import { schemaVersion } from '../../db/client';
import type { Migration } from '../../db/migrate';
import { anchorKeyFor, auditHead, chainExtendsAnchor, readAnchor, writeAnchor, type AuditHead } from './audit-anchor';
import { appendAudit, verifyAuditChain } from './audit.repo';

/**
 * Compares the audit log with its anchor (audit-anchor.ts) and with the schema the migrations promise, and turns
 * what does not match into alarms: audit entries an administrator sees and acknowledges (audit-alarms.ts). Runs at
 * every start, sign-in, "verify chain", key recovery and restore.
 */
export interface AuditFinding {
  kind: AuditAlarmKind;
  params: AuditParams;
}

/** Entries written by these checks (alarms, the start of anchoring) carry this action: the check a clerk can run. */
export const CHECK_ACTION = 'audit.verify';

/** Triggers the applied migrations created and did not drop again, with the statement that created each one. */
export function expectedTriggers(migrations: Migration[], applied: number): Map<string, string> {
  const triggers = new Map<string, string>();
  for (const migration of migrations.slice(0, applied)) {
    for (const statement of migration.statements) {
      for (const m of statement.matchAll(/\b(CREATE|DROP)\s+TRIGGER\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?[`"]?(\w+)/gi)) {
        if (m[1]!.toUpperCase() === 'CREATE') triggers.set(m[2]!, statement);
        else triggers.delete(m[2]!);
      }
    }
  }
  return triggers;
}

function missingTriggers(sqlite: Sqlite, migrations: Migration[]): Map<string, string> {
  const present = new Set(sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger'").pluck().all() as string[]);
  const expected = expectedTriggers(migrations, schemaVersion(sqlite));
  return new Map([...expected].filter(([name]) => !present.has(name)));
}

function anchoringStarted(sqlite: Sqlite): boolean {
  return (
    sqlite
      .prepare(`SELECT 1 FROM audit_log WHERE action = ? AND summary LIKE '{"event":"audit.anchorStarted"%' LIMIT 1`)
      .get(CHECK_ACTION) !== undefined
  );
}

/** What the anchor says against what the log holds; `fromAnchor`: also walk the chain from the anchored entry on. */
function anchorFindings(sqlite: Sqlite, anchor: AuditHead, head: AuditHead | null, fromAnchor: boolean): AuditFinding[] {
  if (!head || head.seq < anchor.seq) return [{ kind: 'rolled-back', params: { anchored: anchor.seq, found: head?.seq ?? 0 } }];
  const anchored = sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchor.seq) as string | undefined;
  if (anchored !== anchor.hash) return [{ kind: 'rewritten', params: { seq: anchor.seq } }];
  if (!fromAnchor) return [];
  const chain = chainExtendsAnchor(sqlite, anchor);
  return chain.ok ? [] : [{ kind: 'chain-broken', params: { seq: chain.brokenSeq } }];
}

interface Inspection {
  findings: AuditFinding[];
  missing: Map<string, string>;
  /** Anchor the head afresh: after an alarm, after a restore, or when anchoring starts on this database. */
  reanchor: boolean;
  startAnchoring: boolean;
  /** The whole chain as found, when it was walked ("verify", restore). */
  chain: ChainCheck | null;
}

export interface ChainCheck {
  checked: number;
  firstBrokenSeq: number | null;
}

export interface AuditCheck {
  findings: AuditFinding[];
  chain: ChainCheck | null;
}

function inspect(core: CoreState, sqlite: Sqlite, key: Buffer, moment: AuditCheckMoment): Inspection {
  const missing = missingTriggers(sqlite, core.migrations);
  const findings: AuditFinding[] = [];
  if (missing.size > 0) findings.push({ kind: 'trigger-missing', params: { names: [...missing.keys()].join(',') } });
  // "Verify" and a restore walk the whole chain (measured: 2.5 s for 100,000 entries on a busy test machine, too
  // slow for every start); start and sign-in read only from the anchor on. An entry rewritten before the anchor
  // with the chain recomputed still shows there (another hash at the anchored seq); one edited without recomputing
  // the chain shows at the next "verify".
  const fullChain = moment === 'verify' || moment === 'restore';
  const chain = fullChain ? verifyAuditChain(sqlite) : null;
  if (chain && chain.firstBrokenSeq !== null) findings.push({ kind: 'chain-broken', params: { seq: chain.firstBrokenSeq } });
  const head = auditHead(sqlite);
  const started = anchoringStarted(sqlite);
  const startAnchoring = head !== null && !started;
  if (moment === 'restore') return { findings, missing, reanchor: true, startAnchoring, chain };

  const read = readAnchor(core.paths.auditAnchor, key);
  if (read.status === 'invalid') findings.push({ kind: 'anchor-invalid', params: {} });
  if (read.status === 'missing' && started) findings.push({ kind: 'anchor-missing', params: {} });
  if (read.status === 'ok') findings.push(...anchorFindings(sqlite, read.anchor, head, !fullChain));
  // The anchor behind an intact chain (a crash between a commit and its anchor write) is only caught up.
  const behind = read.status === 'ok' && head !== null && head.seq > read.anchor.seq;
  return { findings, missing, reanchor: findings.length > 0 || startAnchoring || behind, startAnchoring, chain };
}

/**
 * Runs the check and records what it found, in one IMMEDIATE transaction (a second copy of the program checking at
 * the same moment then sees the alarm and the new anchor, and raises nothing twice). Missing triggers are put back
 * from the migrations after being reported. The anchor is then moved to the new head, after the commit: an anchor
 * ahead of the database would itself read as a rollback.
 */
export function checkAuditTrail(core: CoreState, moment: AuditCheckMoment): AuditCheck {
  const conn = core.conn;
  const key = core.key;
  if (!conn || !key || conn.sqlite.inTransaction || core.exclusiveWriter) return { findings: [], chain: null };
  const sqlite = conn.sqlite;
  const anchorKey = anchorKeyFor(key);
  const inspection = sqlite
    .transaction(() => {
      const found = inspect(core, sqlite, anchorKey, moment);
      const at = core.clock.now().toISOString();
      const record = (summary: AuditSummary) =>
        appendAudit(sqlite, {
          at,
          userId: null,
          userName: null,
          action: CHECK_ACTION,
          recordType: 'audit',
          recordId: null,
          summary: JSON.stringify(summary),
        });
      if (found.startAnchoring) record({ event: 'audit.anchorStarted', params: {} });
      for (const finding of found.findings)
        record({ event: 'audit.alarmRaised', params: { kind: finding.kind, when: moment, ...finding.params } });
      for (const statement of found.missing.values()) sqlite.exec(statement);
      return found;
    })
    .immediate();
  if (inspection.findings.length > 0) core.logger.info('audit.alarm', { kinds: inspection.findings.map((f) => f.kind).join(','), moment });
  if (inspection.reanchor) {
    sqlite
      .transaction(() => {
        const head = auditHead(sqlite);
        if (head) writeAnchor(core.paths.auditAnchor, anchorKey, head);
      })
      .immediate();
  }
  return { findings: inspection.findings, chain: inspection.chain };
}

/**
 * The check as part of something else (start, sign-in, setup, recovery, restore): a check that fails (the database
 * held by another copy of the program beyond busy_timeout) is logged and must not fail what it is part of; the
 * next start or sign-in checks again.
 */
export function checkAuditTrailAlongside(core: CoreState, moment: AuditCheckMoment): void {
  try {
    checkAuditTrail(core, moment);
  } catch (error) {
    core.logger.error('audit.check.failed', error, { moment });
  }
}
