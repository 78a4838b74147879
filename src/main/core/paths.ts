import { join } from 'node:path';

/** Everything the program keeps lives in one data folder; the README tells clerks where it is. */
export interface DataPaths {
  dataDir: string;
  database: string;
  /** The raw key in a file: web host and tests only. Electron keeps it wrapped by safeStorage instead. */
  keyFile: string;
  /** An HMAC of a fixed text under the key: tells a wrong key from a damaged first page (db/health.ts). */
  keyCheckFile: string;
  /** The key wrapped by the administrator's recovery code. */
  recoveryFile: string;
  backupsDir: string;
  /** Documents the core made, waiting for the host to save or open them; sealed (files.ts). */
  outboxDir: string;
  /** Files the clerk picked, copied in by the host, waiting for the core to read them; sealed (files.ts). */
  inboxDir: string;
  logsDir: string;
  /** The audit log's signed head, kept outside the database (features/audit/audit-anchor.ts). */
  auditAnchor: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    database: join(dataDir, 'bangfu.db'),
    keyFile: join(dataDir, 'bangfu.key'),
    keyCheckFile: join(dataDir, 'bangfu.keycheck'),
    recoveryFile: join(dataDir, 'recovery.json'),
    backupsDir: join(dataDir, 'backups'),
    outboxDir: join(dataDir, 'outbox'),
    inboxDir: join(dataDir, 'inbox'),
    logsDir: join(dataDir, 'logs'),
    auditAnchor: join(dataDir, 'audit-anchor.json'),
  };
}

/** Folders shipped with the program: fonts and migrations (extra resources in a packaged build). */
export interface ResourcePaths {
  resourcesDir: string;
  fontsDir: string;
  migrationsDir: string;
}

export function resourcePaths(resourcesDir: string): ResourcePaths {
  return {
    resourcesDir,
    fontsDir: join(resourcesDir, 'fonts'),
    migrationsDir: join(resourcesDir, 'migrations'),
  };
}
