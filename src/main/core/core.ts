import { randomBytes } from 'node:crypto';
import { contract, isChannelName, type CoreEvent } from '@shared/contract';
import type { Result } from '@shared/errors';
import { AdjustableClock, type Clock } from './clock';
import type { CoreState } from './context';
import { openDatabaseAtStart } from './db/start';
import { loadMigrations } from './db/migrate';
import { checkAuditTrailAlongside } from './features/audit/audit-check';
import { runAutoBackupIfDue } from './features/backup/backup.service';
import { ensureSigningKeyAtStart } from './features/org/signing-key.service';
import { makeDataFolderPrivate } from './data-folder';
import { removeOwnFiles, sweepLeftovers, sweepTransientFiles, transientFiles } from './files';
import { handlers } from './handlers';
import { errorShapeFor, JobRunner } from './jobs';
import { createFileLogger, type Logger } from './log';
import { mayCreateKey } from './keys/key-file';
import { dataPaths, resourcePaths } from './paths';
import { dispatch } from './router';
import { SessionStore } from './session';

export interface CoreOptions {
  dataDir: string;
  resourcesDir: string;
  /** The database key from the host's key store; null when the store could not give it back. */
  key: Buffer | null;
  version: string;
  clock?: Clock;
  logger?: Logger;
  autoBackup?: boolean;
  onEvent?: (event: CoreEvent) => void;
  storeKey?: (key: Buffer) => void;
  /** The built import-reader.worker.ts; without it imports read and check rows in the core's own thread. */
  importReaderPath?: string;
  /** The built exchange/format/payload-seal.worker.ts; without it a batch's gzip, age and hash run in the core's thread. */
  batchSealerPath?: string;
  /** The built features/exchange/import-entries.worker.ts; without it a batch import decrypts and parses in the core's thread. */
  batchReaderPath?: string;
  /** This run's key for the inbox and outbox (files.ts), from the host, which reads and writes them too. */
  transientKey?: Buffer;
  /** Pages of this size for a database this core creates, whatever the mode (client.ts; benches compare sizes). */
  newDatabasePageSize?: number;
}

export interface Core {
  dispatch(clientId: string, channel: unknown, input: unknown): Promise<Result<unknown>>;
  readonly state: CoreState;
  close(): void;
}

/**
 * How often the core looks whether an automatic backup is due (a directory listing and one indexed read), besides
 * after every change (below). Due-ness is judged by the injected clock (retention.ts autoBackupDue).
 */
const AUTO_BACKUP_CHECK_MS = 5 * 60_000;
const LOG_RETENTION_MS = 180 * 86_400_000;

/**
 * Starts the core: opens (or creates) the encrypted database and migrates it. It never throws for the clerk's
 * situations — a lost key, a damaged database or one from a newer version become states the first screen explains.
 */
export function createCore(options: CoreOptions): Core {
  const paths = dataPaths(options.dataDir);
  makeDataFolderPrivate(paths);
  const clock = options.clock ?? new AdjustableClock();
  const logger = options.logger ?? createFileLogger(paths.logsDir, () => clock.now());
  const state: CoreState = {
    state: 'key-missing',
    damage: null,
    conn: null,
    key: options.key,
    clock,
    logger,
    paths,
    files: transientFiles(paths, options.transientKey ?? randomBytes(32)),
    resources: resourcePaths(options.resourcesDir),
    migrations: loadMigrations(resourcePaths(options.resourcesDir).migrationsDir),
    sessions: new SessionStore(),
    exclusiveWriter: null,
    jobs: new JobRunner(options.onEvent ?? (() => {}), errorShapeFor(logger, 'job')),
    version: options.version,
    importReaderPath: options.importReaderPath,
    batchSealerPath: options.batchSealerPath,
    batchReaderPath: options.batchReaderPath,
    newDatabasePageSize: options.newDatabasePageSize,
    emit: options.onEvent ?? (() => {}),
    storeKey: options.storeKey ?? (() => {}),
  };

  if (options.key) {
    const opened = openDatabaseAtStart(paths, state.migrations, options.key, clock, logger, false, state.newDatabasePageSize);
    state.conn = opened.conn;
    state.state = opened.state;
    state.damage = opened.damage;
    // After the migrations, before the audit check (which then anchors the entry it writes).
    ensureSigningKeyAtStart(state);
  } else if (mayCreateKey(paths)) {
    // A folder that was set up once starts without a key as 'key-missing': the recovery code brings it back.
    throw new Error('no database key: the host must create one before the first run');
  }
  checkAuditTrailAlongside(state, 'start');

  for (const dir of [paths.outboxDir, paths.inboxDir]) sweepLeftovers(dir, clock.now());
  // One log file a day; half a year is enough to look back on a problem.
  sweepTransientFiles(paths.logsDir, clock.now(), LOG_RETENTION_MS);

  let timer: NodeJS.Timeout | undefined;
  let afterChange: NodeJS.Immediate | undefined;
  const autoBackup = options.autoBackup ?? true;
  const tick = () => {
    afterChange = undefined;
    try {
      runAutoBackupIfDue(state);
    } catch (error) {
      logger.error('backup.auto.failed', error);
    }
  };
  if (autoBackup) {
    tick();
    timer = setInterval(tick, AUTO_BACKUP_CHECK_MS);
    timer.unref();
  }

  return {
    state,
    // A new data folder once waited for the first half-hour timer after setup: now a change is followed by a look
    // (after its answer has gone, never in its way), so the first real change gets the first backup.
    dispatch: async (clientId, channel, input) => {
      const result = await dispatch(state, handlers, clientId, channel, input);
      if (autoBackup && result.ok && isChannelName(channel) && contract[channel].mutates) afterChange ??= setImmediate(tick);
      return result;
    },
    close() {
      if (timer) clearInterval(timer);
      if (afterChange) clearImmediate(afterChange);
      state.conn?.sqlite.close();
      state.conn = null;
      removeOwnFiles(state.files);
    },
  };
}
