import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Passwords are stored as scrypt hashes (Node's crypto): `scrypt$N$r$p$salt$hash`, base64. */
const PARAMS = { N: 1 << 15, r: 8, p: 1 };
const MAXMEM = 64 * 1024 * 1024;

function scrypt(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, 32, { ...params, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Spends the same time as a real check when the username does not exist, so timing does not reveal accounts. The
 * stored form is fixed, with today's PARAMS and a hash (32 zero bytes) that no password yields, so that even the first
 * call costs one scrypt, as a real check does.
 */
const NOBODY = ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, 'bm9ib2R5LWhhcy10aGlzLXNhbHQ=', Buffer.alloc(32).toString('base64')].join('$');
export async function verifyAgainstNobody(password: string): Promise<false> {
  await verifyPassword(password, NOBODY);
  return false;
}
