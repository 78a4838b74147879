import { ADMIN, CLERK, createReadyUser, rpc, syntheticIdNumber } from './support';
import { draftOf, toNotice } from './file-steps';
import { localIsoDate } from '../support/test-clock';

/**
 * The centres' starting state for the exchange journey, through the core as aid-file.spec and files-lifecycle.spec
 * set theirs up (files.spec and aid-file.spec cover these steps on screen): users, the 低保 line, a household taken
 * to the notice, then to 在档, and the year's aid programs.
 */

export const REVIEWER = { username: 'reviewer.li', displayName: '李审核', role: 'reviewer', password: 'Li#2026xyz' };
/** The head of household both centres have on file: the duplicate the federation must find. */
export const HEAD = { name: '王困难', idNumber: syntheticIdNumber('44010619780101101') };
export const SPOUSE = { name: '赵配偶', idNumber: syntheticIdNumber('44010619800202102') };
export const STUDENT = { name: '王大学', idNumber: syntheticIdNumber('44010620060303103') };

type Host = { origin: string; token: string; now(): Promise<Date> };
type FileRef = { id: string; rev: number; household: { id: string }[] };

const call = async <T = FileRef>(host: Host, channel: string, input: unknown = {}): Promise<T> =>
  (await rpc(host.origin, host.token, channel, input)) as T;
const as = async (host: Host, user: { username: string; password: string }) => {
  await rpc(host.origin, host.token, 'auth.signOut').catch(() => undefined);
  await rpc(host.origin, host.token, 'auth.signIn', { username: user.username, password: user.password });
};

/** The clerk and the reviewer, and the 低保 line of the office's district from 2020. Leaves nobody signed in. */
export async function staffAndPolicy(host: Host, regionCode: string): Promise<void> {
  await createReadyUser(host.origin, host.token, CLERK);
  await createReadyUser(host.origin, host.token, REVIEWER);
  await as(host, ADMIN);
  await rpc(host.origin, host.token, 'policy.add', { key: 'lowIncomeLine', regionCode, effectiveFrom: '2020-01-01', value: 94_000 });
  await rpc(host.origin, host.token, 'auth.signOut');
}

/** HEAD's household (with a college student when `withStudent`), entered by the administrator and taken to the notice. */
export async function householdAtNotice(host: Host, withStudent: boolean): Promise<FileRef> {
  await as(host, ADMIN);
  const today = localIsoDate(await host.now());
  let f = await call(host, 'files.create', { head: HEAD, workerType: 'urban' });
  const household = [
    { id: f.household[0]!.id, relation: 'self', name: HEAD.name, monthlyIncomeFen: 80_000 },
    { relation: 'spouse', name: SPOUSE.name, idNumber: SPOUSE.idNumber },
    ...(withStudent ? [{ relation: 'child', name: STUDENT.name, idNumber: STUDENT.idNumber, schoolStage: 'college' }] : []),
  ];
  f = await call(host, 'files.saveDraft', draftOf(f, household, today, { bankName: '中国工商银行', bankAccount: '6222020200112233445' }));
  const noticed = await toNotice(host, f, today);
  await rpc(host.origin, host.token, 'auth.signOut');
  return { ...f, ...noticed };
}

/** The notice over (ten days on): sent for approval by the administrator, approved by the reviewer. Ends signed out. */
export async function approveAfterNotice(host: Host, noticed: { id: string; rev: number }): Promise<void> {
  await as(host, ADMIN);
  const f = await call(host, 'files.act', { id: noticed.id, rev: noticed.rev, action: 'endNotice' });
  await as(host, REVIEWER);
  await call(host, 'files.act', { id: f.id, rev: f.rev, action: 'approve' });
  await rpc(host.origin, host.token, 'auth.signOut');
}

/** The year's 金秋助学 program (¥5,000 a college student), as the administrator sets it up. */
export async function educationProgram(host: Host): Promise<void> {
  const year = Number(localIsoDate(await host.now()).slice(0, 4));
  await as(host, ADMIN);
  await call(host, 'aid.saveProgram', {
    type: 'education',
    name: `${year}年金秋助学`,
    year,
    fundSource: 'union',
    budgetFen: 100_000_000,
    standard: { kind: 'perStudent', byStage: { college: 500_000, senior: 300_000 } },
  });
  await rpc(host.origin, host.token, 'auth.signOut');
}
