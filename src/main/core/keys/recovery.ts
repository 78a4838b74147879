import { createCipheriv, createDecipheriv, randomBytes, randomInt, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '@shared/errors';
import { writeFileAtomic } from '../fs-atomic';

/**
 * The administrator's recovery code: printed once at setup, it unwraps a second copy of the database key so that
 * a lost Windows profile (and with it safeStorage) does not lose the database.
 *
 * Code: 6 groups of 5 characters from an alphabet without look-alikes (≈ 148 bits). Wrapping: scrypt → AES-256-GCM.
 */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

interface WrappedKey {
  v: 1;
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

export function generateRecoveryCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Accepts what a person types: lower case, spaces or no dashes. */
export function normalizeRecoveryCode(code: string): string {
  const chars = code.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return chars.match(/.{1,5}/g)?.join('-') ?? '';
}

function deriveWrappingKey(code: string, salt: Buffer, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(normalizeRecoveryCode(code), salt, 32, { ...params, maxmem: SCRYPT.maxmem });
}

export function wrapKey(key: Buffer, code: string): WrappedKey {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveWrappingKey(code, salt, SCRYPT), iv);
  const data = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    v: 1,
    kdf: 'scrypt',
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function unwrapKey(wrapped: WrappedKey, code: string): Buffer {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      deriveWrappingKey(code, Buffer.from(wrapped.salt, 'base64'), wrapped),
      Buffer.from(wrapped.iv, 'base64'),
    );
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.data, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('BAD_RECOVERY_CODE');
  }
}

export function saveRecoveryFile(path: string, key: Buffer, code: string): void {
  writeFileAtomic(path, JSON.stringify(wrapKey(key, code), null, 2));
}

export function unwrapRecoveryFile(path: string, code: string): Buffer {
  if (!existsSync(path)) throw new AppError('BAD_RECOVERY_CODE');
  return unwrapKey(JSON.parse(readFileSync(path, 'utf8')) as WrappedKey, code);
}
