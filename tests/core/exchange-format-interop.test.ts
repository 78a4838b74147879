import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePolicyFile, keyFingerprint, writeBatch } from '../../src/main/core/exchange/format';
import { signBytes } from '../../src/main/core/exchange/format/keys';
import { entryLine, manifestLine } from '../../src/main/core/exchange/format/payload';
import { bundleBatchSealer } from './support/bundle';
import { CREATED_AT, makeOrg, sampleEntries, tempFolder, type TestOrg } from './support/exchange-batch';

/**
 * Interop: a batch read by hand with the standard tools, exactly as docs/exchange-format.md tells someone to —
 * `head`/`sed`/`tail` to split it, `openssl pkeyutl -verify` for the header's signature, `sha256sum` for the
 * payload, Debian's `age -d -i` and `gunzip` for the records. The NDJSON they print is the NDJSON that was written.
 */

let centre: TestOrg;
let federation: TestOrg;
let sealerPath: string;
const folder = tempFolder();
beforeAll(async () => {
  centre = await makeOrg('C001');
  federation = await makeOrg('F310');
  sealerPath = bundleBatchSealer();
});
afterAll(() => folder.remove());

function sh(script: string): string {
  return execFileSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: folder.dir, encoding: 'utf8', maxBuffer: 1 << 28 });
}

// The program seals a batch in a thread of its own (payload-thread.ts); without one, in the writer's thread.
describe.each(['in the writer’s thread', 'in the sealer thread'])('a batch sealed %s, read with age, openssl and gunzip', (how) => {
  it('verifies, decrypts and prints the NDJSON that was written', async () => {
    const { manifest, entries } = sampleEntries(2500);
    const { header } = await writeBatch({
      sealerPath: how === 'in the sealer thread' ? sealerPath : undefined,
      path: join(folder.dir, 'batch.bfb'),
      sender: { code: centre.code, signingKey: centre.privateKey },
      recipient: { code: federation.code, signingKey: federation.publicKey, ageRecipient: federation.ageRecipient },
      sequence: 1,
      createdAt: CREATED_AT,
      manifest,
      entries,
    });
    writeFileSync(join(folder.dir, 'pub.pem'), centre.publicKey.export({ format: 'pem', type: 'spki' }));
    writeFileSync(join(folder.dir, 'identity.txt'), `${federation.ageIdentity}\n`, { mode: 0o600 });

    // The commands of docs/exchange-format.md, "Reading a batch by hand".
    sh('head -n 2 batch.bfb > header.bin');
    sh('sed -n 3p batch.bfb | base64 -d > sig.bin');
    sh('tail -n +4 batch.bfb > payload.age');
    expect(sh('sed -n 1p batch.bfb')).toBe('BANGFU-BATCH 1\n');
    expect(JSON.parse(sh('sed -n 2p batch.bfb'))).toEqual(header);

    // By offset: the payload starts 89 bytes (the signature line) after lines 1 and 2.
    sh('H=$(head -n 2 batch.bfb | wc -c); tail -c +$((H + 90)) batch.bfb | cmp - payload.age');
    // pub.pem from the raw 32-byte key a key card carries, with RFC 8410's fixed SubjectPublicKeyInfo header.
    const raw = Buffer.from(centre.publicKey.export({ format: 'der', type: 'spki' }))
      .subarray(12)
      .toString('base64');
    sh(
      `{ printf '\\x30\\x2a\\x30\\x05\\x06\\x03\\x2b\\x65\\x70\\x03\\x21\\x00'; echo "${raw}" | base64 -d; } | openssl pkey -pubin -inform DER -out card.pem`,
    );
    expect(readFileSync(join(folder.dir, 'card.pem'), 'utf8')).toBe(readFileSync(join(folder.dir, 'pub.pem'), 'utf8'));
    expect(sh('openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in header.bin -sigfile sig.bin')).toContain(
      'Signature Verified Successfully',
    );
    expect(sh("sha256sum payload.age | cut -d ' ' -f 1").trim()).toBe(header.payload.sha256);
    expect(Number(sh('stat -c %s payload.age').trim())).toBe(header.payload.bytes);

    const ndjson = sh('age -d -i identity.txt payload.age | gunzip');
    expect(ndjson).toBe(manifestLine(manifest) + entries.map(entryLine).join(''));
    // Each line stands alone: `jq`-style tools read it line by line.
    const lines = ndjson.trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ kind: 'manifest', counts: manifest.counts });
    expect(lines).toHaveLength(1 + entries.length);

    // The same commands catch an altered header: openssl fails on it.
    const altered = readFileSync(join(folder.dir, 'header.bin'), 'utf8').replace('"sequence":1', '"sequence":2');
    writeFileSync(join(folder.dir, 'header.bin'), altered);
    expect(sh('openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in header.bin -sigfile sig.bin 2>&1 || echo "exit $?"')).toMatch(
      /Signature Verification Failure[\s\S]*exit 1/,
    );
  });
});

describe('a policy file read with openssl and sha256sum', () => {
  it('verifies its header and hash and prints its one line of JSON, as docs/exchange-format.md says', () => {
    const content = {
      values: [{ key: 'lowIncomeLine', regionCode: '110100', effectiveFrom: '2026-01-01', value: 135_000 }],
      programs: [
        {
          id: '0190c2d4-0000-7000-8000-000000000001',
          type: 'emergency',
          name: '临时救助“应急”\n',
          standard: { kind: 'emergency', capFen: 100 },
        },
      ],
    };
    const sender = { code: federation.code, key: keyFingerprint(federation.publicKey) };
    const bytes = encodePolicyFile({ sender, issue: 3, createdAt: CREATED_AT }, content, (signed) =>
      signBytes(federation.privateKey, signed),
    );
    writeFileSync(join(folder.dir, 'policy.bfp'), bytes);
    writeFileSync(join(folder.dir, 'fed.pem'), federation.publicKey.export({ format: 'pem', type: 'spki' }));
    expect(sh('sed -n 1p policy.bfp')).toBe('BANGFU-POLICY 1\n');
    const header = JSON.parse(sh('sed -n 2p policy.bfp')) as { issue: number; payload: { sha256: string; bytes: number } };
    expect(header.issue).toBe(3);
    sh('head -n 2 policy.bfp > p-header.bin; sed -n 3p policy.bfp | base64 -d > p-sig.bin');
    expect(sh('openssl pkeyutl -verify -pubin -inkey fed.pem -rawin -in p-header.bin -sigfile p-sig.bin')).toContain(
      'Signature Verified Successfully',
    );
    expect(sh("tail -n +4 policy.bfp | sha256sum | cut -d ' ' -f 1").trim()).toBe(header.payload.sha256);
    expect(Number(sh('tail -n +4 policy.bfp | wc -c').trim())).toBe(header.payload.bytes);
    // One line: a newline inside a name is escaped, so `tail -n +4` and `jq` see the whole payload.
    expect(JSON.parse(sh('tail -n +4 policy.bfp'))).toEqual(content);
    expect(sh('wc -l < policy.bfp').trim()).toBe('4');
  });
});
