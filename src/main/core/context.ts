import type { z } from 'zod';
import { contract, type ChannelName, type ChannelOutput, type Contract, type CoreEvent } from '@shared/contract';
import type { DamageKind, SystemState } from '@shared/contract/system';
import { AppError } from '@shared/errors';
import type { Role } from '@shared/roles';
import type { Clock } from './clock';
import type { Db, Sqlite } from './db/client';
import type { Migration } from './db/migrate';
import type { AuditEvent, AuditParams, AuditSummary } from '@shared/audit-events';
import { appendAudit } from './features/audit/audit.repo';
import { advanceAnchor, anchorKeyFor } from './features/audit/audit-anchor';
import type { JobHandle, JobRunner } from './jobs';
import type { Logger } from './log';
import type { TransientFiles } from './files';
import type { DataPaths, ResourcePaths } from './paths';
import type { SessionStore } from './session';

/** What lives as long as the core: the open database, the clock, the paths, the sessions. */
export interface CoreState {
  state: SystemState;
  /** Set with the 'damaged' state: what the damaged screen explains. */
  damage: DamageKind | null;
  conn: { sqlite: Sqlite; db: Db } | null;
  key: Buffer | null;
  clock: Clock;
  logger: Logger;
  paths: DataPaths;
  /** The sealed inbox and outbox of this run (files.ts). */
  files: TransientFiles;
  resources: ResourcePaths;
  migrations: Migration[];
  sessions: SessionStore;
  jobs: JobRunner;
  /** Set while a job holds a long transaction (an import): other writers get BUSY instead of joining it. */
  exclusiveWriter: CallContext | null;
  version: string;
  /** The import reader thread's script (import-reader.worker.ts built); absent, imports read in this thread. */
  importReaderPath?: string;
  /** A batch's sealer thread's script (payload-seal.worker.ts built); absent, a batch is sealed in this thread. */
  batchSealerPath?: string;
  /** A batch import's reader thread's script (import-entries.worker.ts built); absent, a batch is read in this thread. */
  batchReaderPath?: string;
  /** Pages of this size for a database this core creates, whatever the mode (client.ts; benches compare sizes). */
  newDatabasePageSize?: number;
  emit(event: CoreEvent): void;
  /** Hands a recovered key back to the host so it can store it again (safeStorage, or the key file). */
  storeKey(key: Buffer): void;
}

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
}

export interface AuditRecord {
  recordType: string | null;
  recordId: string | null;
  event: AuditEvent;
  params?: AuditParams;
}

/** What a handler gets for one call. */
export class CallContext {
  private auditCount = 0;
  private inWrite = false;

  constructor(
    readonly core: CoreState,
    readonly clientId: string,
    readonly channel: ChannelName,
    readonly user: SignedInUser | null,
  ) {}

  get sqlite(): Sqlite {
    if (!this.core.conn) throw new AppError('NOT_SET_UP');
    return this.core.conn.sqlite;
  }

  get db(): Db {
    if (!this.core.conn) throw new AppError('NOT_SET_UP');
    return this.core.conn.db;
  }

  get clock(): Clock {
    return this.core.clock;
  }

  /**
   * Runs `run` as a job of this channel (one declared with `jobChannel` in the contract): answers `{ jobId }` now,
   * publishes progress, and checks the result against the channel's `result` schema before publishing it.
   */
  startJob(run: (job: JobHandle) => Promise<unknown>): { jobId: string } {
    const def = contract[this.channel];
    if (!('result' in def)) throw new Error(`${this.channel} is not a job channel`);
    return this.core.jobs.start(this.clientId, run, (data) => def.result.parse(data));
  }

  now(): string {
    return this.core.clock.now().toISOString();
  }

  /**
   * Runs `fn` in one IMMEDIATE transaction. It must write an audit entry: a change without one is rolled back, so
   * no write path can forget the audit log. Only channels the contract marks `mutates` may write.
   */
  write<T>(fn: () => T): T {
    if (this.inWrite) return fn();
    if (!contract[this.channel].mutates) throw new Error(`${this.channel} is not a mutating channel`);
    if (this.core.exclusiveWriter && this.core.exclusiveWriter !== this) throw new AppError('BUSY');
    this.inWrite = true;
    const auditsBefore = this.auditCount;
    let result: T;
    try {
      result = this.sqlite
        .transaction(() => {
          const value = fn();
          if (this.auditCount === auditsBefore) throw new Error(`${this.channel} changed data without an audit entry`);
          return value;
        })
        .immediate();
    } finally {
      this.inWrite = false;
    }
    this.anchorAfterCommit();
    return result;
  }

  /** Moves the audit anchor to the entry just committed (features/audit/audit-anchor.ts). */
  private anchorAfterCommit(): void {
    if (!this.core.key) return;
    advanceAnchor(this.sqlite, this.core.paths.auditAnchor, anchorKeyFor(this.core.key), (error) =>
      this.core.logger.error('audit.anchor.failed', error),
    );
  }

  /**
   * One transaction that spans awaits: for a job that writes in chunks and yields between them (an import). It is
   * all or nothing like `write`, must carry an audit entry, and while it is open every other writer gets BUSY —
   * otherwise their changes would land in (and roll back with) this transaction.
   */
  async writeExclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (!contract[this.channel].mutates) throw new Error(`${this.channel} is not a mutating channel`);
    if (this.inWrite || this.core.exclusiveWriter) throw new AppError('BUSY');
    const auditsBefore = this.auditCount;
    this.core.exclusiveWriter = this;
    this.inWrite = true;
    this.sqlite.exec('BEGIN IMMEDIATE');
    let result: T;
    try {
      result = await fn();
      if (this.auditCount === auditsBefore) throw new Error(`${this.channel} changed data without an audit entry`);
      this.sqlite.exec('COMMIT');
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw error;
    } finally {
      this.inWrite = false;
      this.core.exclusiveWriter = null;
    }
    this.anchorAfterCommit();
    return result;
  }

  /** Records who did what to which record. Only inside `write`, so the entry and the change are one. */
  audit(record: AuditRecord, actor: Pick<SignedInUser, 'id' | 'username'> | null = this.user): void {
    if (!this.inWrite) throw new Error(`audit outside a write transaction in ${this.channel}`);
    appendAudit(this.sqlite, {
      at: this.now(),
      userId: actor?.id ?? null,
      userName: actor?.username ?? null,
      action: this.channel,
      recordType: record.recordType,
      recordId: record.recordId,
      summary: JSON.stringify({ event: record.event, params: record.params ?? {} } satisfies AuditSummary),
    });
    this.auditCount++;
  }
}

export type Handler<C extends ChannelName> = (
  input: z.output<Contract[C]['input']>,
  ctx: CallContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };

/** A feature's handlers; the union of all features must be a complete HandlerMap (checked in handlers.ts). */
export function defineHandlers<K extends ChannelName>(handlers: { [C in K]: Handler<C> }) {
  return handlers;
}
