import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodePolicyFile, keyFingerprint, type PolicyFileContent } from '../../src/main/core/exchange/format';
import { signBytes } from '../../src/main/core/exchange/format/keys';
import { orgSigningKeyForBatch } from '../../src/main/core/keys/org-signing';
import { sqliteOf } from './support/aid';
import { inboxUpload, outboxCopy, type TestCore } from './support/core';
import { FEDERATION, FEDERATION_2, auditSummaries, cardText, importCard, startOffice } from './support/exchange';
import { centreWithFederation } from './support/exchange-export';

/** 政策文件 (issue 12): a real federation signs its policy values and programs; a real centre takes them in or refuses. */

const FESTIVAL = {
  type: 'festival' as const,
  name: '2026年送温暖',
  year: 2026,
  fundSource: 'union' as const,
  budgetFen: 10_000_000,
  standard: { kind: 'fixed' as const, amountFen: 50_000, byCategory: {} },
  note: null,
};

async function federationWithPolicy(federation: TestCore) {
  // The centre has 110105 from 2020-01-01 of its own (support/hardship office): the same line in the file is skipped.
  await federation.call('policy.add', { key: 'lowIncomeLine', regionCode: '110105', effectiveFrom: '2020-01-01', value: 140_000 });
  await federation.call('policy.add', { key: 'lowIncomeLine', regionCode: '110100', effectiveFrom: '2026-01-01', value: 135_000 });
  await federation.call('policy.add', { key: 'aidYearCapTotal', regionCode: null, effectiveFrom: '2026-01-01', value: 500_000 });
  await federation.call('policy.add', { key: 'noticeWorkingDays', regionCode: null, effectiveFrom: '2026-01-01', value: 7 });
  await federation.call('aid.saveProgram', FESTIVAL);
}

async function exportFile(federation: TestCore, keys: ('lowIncomeLine' | 'aidYearCapTotal')[] = ['lowIncomeLine', 'aidYearCapTotal']) {
  const out = await federation.call('policyFile.export', { keys, programYear: 2026 });
  return { ...out, bytes: readFileSync(await outboxCopy(federation, out.file.fileId)) };
}

async function setUp() {
  const o = await centreWithFederation();
  await federationWithPolicy(o.federation);
  return { centre: o.t, federation: o.federation, ...(await exportFile(o.federation)) };
}

const upload = (centre: TestCore, bytes: Buffer) => inboxUpload(centre, '政策文件.bfp', bytes);

/** Everything an import could write at the centre. */
function written(centre: TestCore) {
  const count = (table: string) => sqliteOf(centre).prepare(`SELECT count(*) FROM ${table}`).pluck().get();
  return ['policy_values', 'aid_programs', 'policy_file_imports', 'policy_file_programs', 'audit_log'].map(count);
}

describe('政策文件', () => {
  it('round trip: the preview says what is new, the import adds it as dated values marked 来自上级 and skips what is here', async () => {
    const { centre, federation, bytes, issue, values, programs } = await setUp();
    expect({ issue, values, programs }).toEqual({ issue: 1, values: 3, programs: 1 });
    // Cleartext and readable by hand: line 1 the magic, line 2 the header.
    const [magic, header] = bytes.toString('utf8').split('\n');
    expect(magic).toBe('BANGFU-POLICY 1');
    expect(JSON.parse(header!)).toMatchObject({ format: 'bangfu-policy', issue: 1, sender: { code: FEDERATION.creditCode } });

    const before = written(centre);
    const preview = await centre.call('policyFile.preview', upload(centre, bytes));
    expect(written(centre)).toEqual(before);
    expect(preview).toMatchObject({ outcome: 'new', source: { code: FEDERATION.creditCode, name: FEDERATION.name, issue: 1 } });
    expect(preview.values.map((v) => [v.key, v.regionCode, v.effectiveFrom, v.state])).toEqual([
      ['aidYearCapTotal', null, '2026-01-01', 'new'],
      ['lowIncomeLine', '110100', '2026-01-01', 'new'],
      ['lowIncomeLine', '110105', '2020-01-01', 'exists'],
    ]);
    expect(preview.programs).toEqual([{ name: '2026年送温暖', type: 'festival', year: 2026, fundSource: 'union', state: 'new' }]);

    const done = await centre.call('policyFile.import', upload(centre, bytes));
    expect(done.values.map((v) => v.state)).toEqual(['new', 'new', 'exists']);
    const list = await centre.call('policy.list', {});
    const fromFile = list.values.filter((v) => v.sourceCode === FEDERATION.creditCode);
    expect(fromFile.map((v) => [v.key, v.regionCode, v.value, v.sourceIssue, v.sourceName])).toEqual([
      ['aidYearCapTotal', null, 500_000, 1, FEDERATION.name],
      ['lowIncomeLine', '110100', 135_000, 1, FEDERATION.name],
    ]);
    // The centre's own 110105 line stays its own value.
    expect(list.values.find((v) => v.regionCode === '110105')).toMatchObject({ value: 132_000, sourceCode: null, sourceName: null });
    const program = sqliteOf(centre)
      .prepare(
        'SELECT p.name, p.budget_fen, p.origin = o.id AS own FROM aid_programs p, org o JOIN policy_file_programs s ON s.program_id = p.id',
      )
      .get();
    expect(program).toEqual({ name: '2026年送温暖', budget_fen: null, own: 1 });
    expect(auditSummaries(centre, 'policyFile.')).toEqual([
      `{"event":"policyFile.imported","params":{"source":"${FEDERATION.creditCode}","issue":1,"valuesAdded":2,"valuesSkipped":1,"programsAdded":1,"programsSkipped":0}}`,
    ]);
    expect(auditSummaries(federation, 'policyFile.')).toEqual([
      '{"event":"policyFile.exported","params":{"issue":1,"values":3,"programs":1}}',
    ]);

    // The same issue again: a harmless repeat, nothing written.
    const after = written(centre);
    expect((await centre.call('policyFile.import', upload(centre, bytes))).outcome).toBe('repeat');
    expect(written(centre)).toEqual(after);

    // The centre voids one line it took: later issues list it as voided here and do not bring it back.
    const taken = fromFile.find((v) => v.key === 'aidYearCapTotal')!;
    await centre.call('policy.void', { id: taken.id, reason: '本中心不设总额上限' });
    // Later issues: what came before is listed as already here, the program is not added twice.
    await federation.call('policy.add', { key: 'lowIncomeLine', regionCode: '110100', effectiveFrom: '2027-01-01', value: 138_000 });
    const second = await exportFile(federation);
    const third = await exportFile(federation);
    expect([second.issue, third.issue]).toEqual([2, 3]);
    const next = await centre.call('policyFile.import', upload(centre, third.bytes));
    expect(next.values.map((v) => [v.key, v.effectiveFrom, v.state])).toEqual([
      ['aidYearCapTotal', '2026-01-01', 'voided'],
      ['lowIncomeLine', '2026-01-01', 'exists'],
      ['lowIncomeLine', '2027-01-01', 'new'],
      ['lowIncomeLine', '2020-01-01', 'exists'],
    ]);
    expect(next.programs[0]!.state).toBe('exists');
    // Issue 2 never came and is older than the last taken in: refused. Issue 1 again is still a harmless repeat.
    const afterThird = written(centre);
    expect(await centre.fail('policyFile.import', upload(centre, second.bytes))).toMatchObject({
      code: 'POLICY_FILE_OLDER_ISSUE',
      params: { issue: 2, last: 3 },
    });
    expect((await centre.call('policyFile.import', upload(centre, bytes))).outcome).toBe('repeat');
    expect(written(centre)).toEqual(afterThird);
  });

  it('refuses every altered, cut, foreign or unsigned file with its code and writes nothing', async () => {
    const { centre, federation, bytes } = await setUp();
    const text = bytes.toString('utf8');
    const [line1, line2, line3] = text.split('\n');
    const payloadStart = line1!.length + line2!.length + line3!.length + 3;
    const header = JSON.parse(line2!) as Record<string, unknown>;
    const withHeader = (h: object) => Buffer.from([line1, JSON.stringify(h), line3].join('\n') + '\n' + text.slice(payloadStart), 'utf8');
    const flip = (at: number) => {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ 0x01;
      return copy;
    };
    const { privateKey } = generateKeyPairSync('ed25519');
    const fedKey = (header.sender as { key: string }).key;
    const signedBy = (sender: { code: string; key: string }, key = privateKey) =>
      encodePolicyFile({ sender, issue: 5, createdAt: '2026-03-01T00:00:00.000Z' }, { values: [], programs: [] }, (signed) =>
        sign(null, signed, key),
      );
    const strangerKey = keyFingerprint(privateKey);
    // Signed by the federation's own key, as its program would sign them, with content it would never write.
    const federationKey = orgSigningKeyForBatch(sqliteOf(federation)).privateKey;
    const signedContent = (content: PolicyFileContent) =>
      encodePolicyFile(
        { sender: { code: FEDERATION.creditCode, key: fedKey }, issue: 7, createdAt: '2026-03-01T00:00:00.000Z' },
        content,
        (signed) => signBytes(federationKey, signed),
      );
    const line = { key: 'lowIncomeLine', regionCode: '110100', effectiveFrom: '2026-01-01', value: 135_000 };
    const program = { id: '0190c2d4-0000-7000-8000-000000000001', ...FESTIVAL };
    delete (program as { budgetFen?: number }).budgetFen;

    const cases: [string, Buffer, string][] = [
      ['createdAt changed', withHeader({ ...header, createdAt: '2026-12-31T00:00:00.000Z' }), 'POLICY_FILE_ALTERED'],
      ['issue changed', withHeader({ ...header, issue: 9 }), 'POLICY_FILE_ALTERED'],
      ['payload length changed', withHeader({ ...header, payload: { ...(header.payload as object), bytes: 10 } }), 'POLICY_FILE_ALTERED'],
      [
        'payload hash changed',
        withHeader({ ...header, payload: { ...(header.payload as object), sha256: 'a'.repeat(64) } }),
        'POLICY_FILE_ALTERED',
      ],
      ['format changed', withHeader({ ...header, format: 'bangfu-receipt' }), 'POLICY_FILE_ALTERED'],
      ['a field added', withHeader({ ...header, extra: 1 }), 'POLICY_FILE_ALTERED'],
      ['sender key changed', withHeader({ ...header, sender: { code: FEDERATION.creditCode, key: strangerKey } }), 'POLICY_FILE_UNTRUSTED'],
      [
        'sender code changed',
        withHeader({ ...header, sender: { code: FEDERATION_2.creditCode, key: fedKey } }),
        'POLICY_FILE_OTHER_FEDERATION',
      ],
      ['a payload byte flipped', flip(payloadStart + 10), 'POLICY_FILE_ALTERED'],
      ['a signature byte flipped', flip(line1!.length + line2!.length + 5), 'POLICY_FILE_ALTERED'],
      ['cut inside the payload', bytes.subarray(0, bytes.length - 20), 'POLICY_FILE_TRUNCATED'],
      ['cut inside the header', bytes.subarray(0, line1!.length + 30), 'POLICY_FILE_TRUNCATED'],
      ['bytes added', Buffer.concat([bytes, Buffer.from('x')]), 'POLICY_FILE_ALTERED'],
      ['a newer version', Buffer.from(text.replace('BANGFU-POLICY 1', 'BANGFU-POLICY 2'), 'utf8'), 'POLICY_FILE_NEWER'],
      ['not a policy file', Buffer.from(text.replace('BANGFU-POLICY 1', 'BANGFU-RECEIPT 1'), 'utf8'), 'POLICY_FILE_NOT_A_FILE'],
      ['signed by another key in the federation’s name', signedBy({ code: FEDERATION.creditCode, key: fedKey }), 'POLICY_FILE_ALTERED'],
      ['signed by another key under its own name', signedBy({ code: FEDERATION.creditCode, key: strangerKey }), 'POLICY_FILE_UNTRUSTED'],
      ['a 低保 line typed in yuan', signedContent({ values: [{ ...line, value: 13 }], programs: [] }), 'POLICY_FILE_BAD_CONTENT'],
      ['a line without its region', signedContent({ values: [{ ...line, regionCode: null }], programs: [] }), 'POLICY_FILE_BAD_CONTENT'],
      ['the same line twice', signedContent({ values: [line, line], programs: [] }), 'POLICY_FILE_BAD_CONTENT'],
      ['an unknown key', signedContent({ values: [{ ...line, key: 'secretBonus' }], programs: [] }), 'POLICY_FILE_BAD_CONTENT'],
      [
        'a standard of another type',
        signedContent({ values: [], programs: [{ ...program, standard: { kind: 'emergency', capFen: 100 } }] }),
        'POLICY_FILE_BAD_CONTENT',
      ],
      ['a program field added', signedContent({ values: [], programs: [{ ...program, budgetFen: 5 }] }), 'POLICY_FILE_BAD_CONTENT'],
    ];
    // The same writer with a good line is taken (the cases above fail for their content alone).
    expect((await centre.call('policyFile.preview', upload(centre, signedContent({ values: [line], programs: [program] })))).outcome).toBe(
      'new',
    );
    const before = written(centre);
    for (const [name, file, code] of cases) {
      const error = await centre.fail('policyFile.import', upload(centre, file));
      expect({ name, code: error.code }).toEqual({ name, code });
    }
    expect(written(centre)).toEqual(before);

    // A real file of another federation the centre does not trust.
    const other = await startOffice(FEDERATION_2);
    await federationWithPolicy(other);
    const foreign = await exportFile(other);
    expect(await centre.fail('policyFile.preview', upload(centre, foreign.bytes))).toMatchObject({
      code: 'POLICY_FILE_OTHER_FEDERATION',
      params: { code: FEDERATION_2.creditCode },
    });
    // The federation's card only imported, its fingerprint not yet confirmed: not trusted.
    const pendingCentre = await startOffice();
    await importCard(pendingCentre, await cardText(federation));
    expect((await pendingCentre.fail('policyFile.import', upload(pendingCentre, bytes))).code).toBe('POLICY_FILE_NO_FEDERATION');
    expect(written(centre)).toEqual(before);
  });

  it('only a federation exports and only a centre imports, administrators both; a file with nothing chosen is not made', async () => {
    const { centre, federation, bytes } = await setUp();
    expect((await centre.fail('policyFile.export', { keys: ['lowIncomeLine'], programYear: null })).code).toBe(
      'POLICY_FILE_FEDERATION_ONLY',
    );
    expect((await federation.fail('policyFile.import', upload(federation, bytes))).code).toBe('POLICY_FILE_CENTRE_ONLY');
    // Administrators only: a reviewer or a clerk of the centre neither previews nor imports.
    for (const client of ['clerk', 'reviewer']) {
      expect((await centre.fail('policyFile.preview', upload(centre, bytes), client)).code).toBe('FORBIDDEN');
      expect((await centre.fail('policyFile.import', upload(centre, bytes), client)).code).toBe('FORBIDDEN');
    }
    expect((await federation.fail('policyFile.export', { keys: ['visitValidDays'], programYear: 2030 })).code).toBe(
      'POLICY_FILE_NOTHING_CHOSEN',
    );
  });
});
