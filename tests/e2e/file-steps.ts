import { SIX_CLEARS } from '@shared/domain/hardship-codes';
import { rpc } from './support';

/**
 * A hardship file's steps through the core, for specs whose subject comes after them (files-lifecycle.spec: the
 * notice and the approval on screen; aid-file.spec: aid for a file in 在档). files.spec covers these steps on screen.
 * The caller is signed in (host.token) as someone who may take them.
 */

type Host = { origin: string; token: string };
type FileRef = { id: string; rev: number };
type Member = { id?: string; relation: string; name: string; idNumber?: string; monthlyIncomeFen?: number; schoolStage?: string };

const step = async (host: Host, channel: string, input: unknown): Promise<FileRef> =>
  (await rpc(host.origin, host.token, channel, input)) as FileRef;

/** The local 低保 line of the office's district (440106), from 2020: what the means test measures against. */
export async function addLowIncomeLine(host: Host): Promise<void> {
  await rpc(host.origin, host.token, 'policy.add', {
    key: 'lowIncomeLine',
    regionCode: '440106',
    effectiveFrom: '2020-01-01',
    value: 94_000,
  });
}

/** A household none of the means test's exclusions applies to. */
export const NO_EXCLUSIONS = {
  twoOrMoreHomes: false,
  ownsBusinessOrEmploysOthers: false,
  childAtCostlyPrivateSchoolOrAbroad: false,
  privateVehicleNotForWork: false,
};

/** files.saveDraft's input: this household, no exclusion, 患重特大疾病 as the main cause, the three consents given `today`. */
export function draftOf(file: FileRef, household: Member[], today: string, more: Record<string, unknown> = {}) {
  return {
    id: file.id,
    rev: file.rev,
    household,
    incomeItems: [],
    exclusions: NO_EXCLUSIONS,
    mainCause: '6',
    workerType: 'urban',
    ...more,
    consents: { incomeVerificationOn: today, publicNoticeOn: today, reportUpwardOn: today },
  };
}

/**
 * A saved draft taken to 公示中: submitted (with the reason a household member in another open file needs, if given),
 * a six-clears visit `today` with every item clear and the head's signature, the committee's minutes attached, the
 * notice started. Gives the file as the last step left it.
 */
export async function toNotice(host: Host, draft: FileRef, today: string, crossHouseholdReason?: string): Promise<FileRef> {
  let f = await step(host, 'files.act', { id: draft.id, rev: draft.rev, action: 'submit', crossHouseholdReason });
  f = await step(host, 'files.act', { id: f.id, rev: f.rev, action: 'beginVisit' });
  f = await step(host, 'files.recordVisit', {
    fileId: f.id,
    kind: 'sixClears',
    date: today,
    visitors: ['孙经办', '周干事'],
    items: SIX_CLEARS.map((item) => ({ item, clear: true })),
    headSigned: true,
  });
  f = await step(host, 'files.act', { id: f.id, rev: f.rev, action: 'sendToCommittee' });
  const uploaded = await fetch(`${host.origin}/upload`, {
    method: 'POST',
    headers: { 'X-Bangfu-Token': host.token, 'X-File-Name': 'minutes.pdf' },
    body: '%PDF-1.4\n% minutes\n',
  });
  const { uploadId } = ((await uploaded.json()) as { data: { uploadId: string } }).data;
  f = await step(host, 'files.attach', { fileId: f.id, type: 'minutes', uploadId, fileName: 'minutes.pdf' });
  return step(host, 'files.act', { id: f.id, rev: f.rev, action: 'startNotice' });
}
