import { dialog, safeStorage } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/fs-atomic';
import { mayCreateKey, newDatabaseKey } from '../core/keys/key-file';
import { dataPaths } from '../core/paths';
import {
  decodeEnvelope,
  encodeEnvelope,
  isKeyHex,
  KEY_FILE_NAME,
  keyPlan,
  keyProtection,
  type KeyEnvelope,
  type KeyProtection,
} from './key-envelope';
import { mainText } from './messages';

/**
 * The 32-byte database key, wrapped by safeStorage in `<dataDir>/bangfu.key.safe` (docs/architecture.md §4).
 * The administrator's recovery code (recovery.json, made by the core) is the second way in when this one is lost.
 *
 * Only safeStorage's asynchronous API is used: the synchronous one is deprecated in Electron 45 and removed later,
 * and the async one finds more Linux keyrings (over D-Bus) and reports key rotation (shouldReEncrypt).
 *
 * Linux without a keyring ('basic_text'): Chromium would "encrypt" with a password hard-coded in its source, so the
 * key would be as readable as the database's own folder. Refusing outright would make the program unusable on
 * such desktops (a minimal window manager, an unrecognised office distribution), and the database file still gains
 * from encryption when it is copied on its own (a backup on a USB stick, a file sent by mistake). So we ask the
 * administrator once, in plain words, when the key is first stored; they may quit and enable a keyring instead.
 * If they continue, the key is still passed through safeStorage when it will take it (a keyring found over D-Bus
 * gives real protection) and written as-is otherwise; either way it is re-wrapped at the first start on which a
 * real key store is available. On Windows or with a keyring that refuses, nothing is ever written in plain text.
 */
export class KeyStoreRefused extends Error {
  constructor() {
    super('the database key cannot be stored safely on this machine');
    this.name = 'KeyStoreRefused';
  }
}

const keyFile = (dataDir: string) => join(dataDir, KEY_FILE_NAME);

async function probe(): Promise<{ protection: KeyProtection; available: boolean }> {
  // A rejection (a keyring that is "temporarily unavailable") counts as unavailable.
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  return { protection: keyProtection(process.platform, backend, available), available };
}

async function wrap(key: Buffer): Promise<KeyEnvelope> {
  const wrapped = await safeStorage.encryptStringAsync(key.toString('hex'));
  return { v: 1, protection: 'os', wrapped: wrapped.toString('base64') };
}

function write(dataDir: string, envelope: KeyEnvelope): void {
  writeFileAtomic(keyFile(dataDir), encodeEnvelope(envelope), 0o600);
}

async function agreeToWeakProtection(): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: mainText('app.name'),
    message: mainText('keychain.weakMessage'),
    detail: mainText('keychain.weakDetail'),
    buttons: [mainText('keychain.weakQuit'), mainText('keychain.weakContinue')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}

async function explainUnavailable(reason: 'create' | 'recovered'): Promise<void> {
  await dialog.showMessageBox({
    type: 'error',
    title: mainText('app.name'),
    message: mainText('keychain.unavailableMessage'),
    detail: mainText('keychain.unavailableDetail', {
      next: mainText(reason === 'create' ? 'keychain.unavailableNextCreate' : 'keychain.unavailableNextRecovered'),
    }),
    buttons: [mainText('common.ok')],
    noLink: true,
  });
}

/**
 * Wraps the key again and writes it. False when it could not be stored (the administrator declined weak protection,
 * or no key store is available; a dialog has said so). Called at first run and by the worker's store-key hook after
 * the recovery code opened the database.
 */
export async function storeKey(dataDir: string, key: Buffer, reason: 'create' | 'recovered' = 'recovered'): Promise<boolean> {
  const { protection, available } = await probe();
  if (protection === 'unavailable') {
    await explainUnavailable(reason);
    return false;
  }
  if (protection === 'weak' && !(await agreeToWeakProtection())) return false;
  try {
    write(dataDir, available ? await wrap(key) : { v: 1, protection: 'none', keyHex: key.toString('hex') });
    return true;
  } catch (error) {
    console.error('keychain: wrapping the key failed', error instanceof Error ? error.message : error);
    await explainUnavailable(reason);
    return false;
  }
}

async function readKey(dataDir: string): Promise<Buffer | null> {
  const envelope = decodeEnvelope(readFileSync(keyFile(dataDir), 'utf8'));
  if (!envelope) return null;
  if (envelope.protection === 'none') {
    const key = Buffer.from(envelope.keyHex, 'hex');
    // A real key store has appeared since (a keyring installed): wrap the key with it now.
    if ((await probe()).protection === 'os') write(dataDir, await wrap(key));
    return key;
  }
  try {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(envelope.wrapped, 'base64'));
    if (!isKeyHex(result)) return null;
    const key = Buffer.from(result, 'hex');
    if (shouldReEncrypt) write(dataDir, await wrap(key)); // the OS rotated its key
    return key;
  } catch (error) {
    // Another Windows profile, a reinstalled system, a locked keyring: the recovery code opens the database.
    console.error('keychain: the key could not be unwrapped', error instanceof Error ? error.message : error);
    return null;
  }
}

/**
 * The database key for this start, or null when it must be recovered with the recovery code (the renderer then
 * shows that screen: system.status reports 'key-missing'). Throws KeyStoreRefused when a first-run key cannot be
 * stored; the caller quits (a dialog has already explained why).
 */
export async function loadOrCreateKey(dataDir: string): Promise<Buffer | null> {
  // A folder that holds a database or was set up once (recovery file, key check, backups) never gets a new key:
  // the recovery code brings the old one back (keys/key-file.ts).
  const firstRun = mayCreateKey(dataPaths(dataDir));
  const plan = keyPlan({ keyFileExists: existsSync(keyFile(dataDir)), mayCreateKey: firstRun });
  if (plan === 'recover') return null;
  if (plan === 'load') {
    const key = await readKey(dataDir);
    // A damaged key file in a folder never set up guards nothing: fall through and start afresh.
    if (key || !firstRun) return key;
  }
  const key = newDatabaseKey();
  // Stored before the core ever uses it, so a database never exists whose key was not kept.
  if (!(await storeKey(dataDir, key, 'create'))) throw new KeyStoreRefused();
  return key;
}
