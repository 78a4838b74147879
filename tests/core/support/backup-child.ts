/**
 * Run as its own process by backup.test.ts, which kills it mid-copy: takes one backup of the database in the data
 * folder given, exactly as the core does (writeBackup), so the test sees what a kill leaves behind.
 */
import { writeBackup } from '../../../src/main/core/db/backup';
import { openDatabase } from '../../../src/main/core/db/client';
import { dataPaths } from '../../../src/main/core/paths';

const [dataDir, keyHex, atIso] = process.argv.slice(2) as [string, string, string];
const paths = dataPaths(dataDir);
const key = Buffer.from(keyHex, 'hex');
const conn = openDatabase(paths.database, key);
process.stdout.write('copying\n');
writeBackup(conn.sqlite, paths.backupsDir, 'manual', new Date(atIso), key);
process.stdout.write('done\n');
