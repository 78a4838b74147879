import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { FileDetail } from '@shared/contract/hardship';
import { idNumberFacts } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import { localDate } from '../../clock';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { renderPdf } from '../../pdf';
import {
  hardshipApplicationDocument,
  type ApplicationReview,
  type HardshipApplicationData,
} from '../../pdf/documents/hardship-application';
import { publicNoticeDocument, type PublicNoticeData } from '../../pdf/documents/public-notice';
import { visitRecordDocument } from '../../pdf/documents/visit-record';
import { readOrg } from '../org/org.repo';
import { findMemberById } from '../roster/members.repo';
import { detailsOf, judgingDay, meansTestOf, parseDraft } from './file-facts';
import { householdOf, type FileRow } from './files.repo';
import { get, requireFile } from './files.service';

/**
 * The three printed documents of a hardship file (docs/domain.md "Printed documents"): 申报表, 入户调查表 and 公示. Each
 * is a job like roster.print: the data is read, the document built by a pure function (pdf/documents), rendered with
 * the missing-glyph check, put in the outbox, and the print written to the audit log (which document, how many
 * files — never what was on it). A wrong id is refused at once, before a job starts.
 */

const PDF = 'application/pdf';

function orgName(ctx: CallContext): string {
  return readOrg(ctx.db)!.name;
}

/** Names stay out of file names: the outbox copy lands in download folders and recent-file lists. */
function fileName(prefix: string, file: Pick<FileRow, 'fileNo'>, today: string): string {
  return `${prefix}-${file.fileNo ?? today}.pdf`;
}

function audited(ctx: CallContext, recordId: string, document: 'application' | 'visit' | 'notice', count: number): void {
  ctx.write(() => ctx.audit({ recordType: 'file', recordId, event: 'file.printed', params: { document, count } }));
}

/** What the application form shows: the file as its screen shows it, with the ID numbers in full. */
function applicationData(ctx: CallContext, id: string): HardshipApplicationData {
  const detail = get(ctx, id);
  const file = requireFile(ctx, id);
  const fullIds = new Map(householdOf(ctx.sqlite, id).map((row) => [row.id, row.idNumber]));
  const member = file.memberId ? findMemberById(ctx.sqlite, file.memberId) : undefined;
  const self = detail.household.find((m) => m.relation === 'self');
  const { draft } = detail;
  return {
    orgName: orgName(ctx),
    printedAt: ctx.clock.now(),
    fileNo: file.fileNo,
    head: {
      name: file.headName,
      idNumber: file.headIdNumber,
      ...idNumberFacts(file.headIdNumber),
      ethnicity: self?.ethnicity ?? member?.ethnicity ?? null,
      unitName: detail.unitName,
      workerType: file.workerType,
      isMember: detail.isMember,
    },
    entryKind: file.entryKind,
    // The form is signed by the household and checked against their ID cards: the whole numbers and birth dates.
    // Only roles that may reveal an ID print it (files.printApplication is clerk, as roster.revealId), and each
    // print is logged (file.printed, document: application).
    household: detail.household.map(({ idNumberMasked: _masked, otherFiles: _other, birthYear: _year, id: rowId, ...m }) => {
      const idNumber = fullIds.get(rowId)!;
      return { ...m, idNumber, birthDate: idNumberFacts(idNumber).birthDate };
    }),
    draft: {
      incomeItems: draft.incomeItems,
      accidentCostsFen: draft.accidentCostsFen,
      exclusions: draft.exclusions,
      mainCause: draft.mainCause,
      secondaryCauses: draft.secondaryCauses,
      housingType: draft.housingType,
      homeAddress: draft.homeAddress,
      homePhone: draft.homePhone,
      labourSince: draft.labourSince,
      labourEmployer: draft.labourEmployer,
      singleParent: draft.singleParent,
      zeroEmployment: draft.zeroEmployment,
      modelWorker: draft.modelWorker,
      needs: draft.needs,
      measures: draft.measures,
      consents: draft.consents,
    },
    meansTest: detail.meansTest,
    category: file.category,
    legacyNo: detail.legacyNo,
    review: reviewOf(detail),
  };
}

/** The 审核意见 section's records: the latest approval (or kept review) with its opinion, and the objections. */
function reviewOf(detail: FileDetail): ApplicationReview {
  const approval = detail.timeline.filter((e) => e.action === 'approve' || e.action === 'keep').at(-1);
  return {
    // The day as the clerk's calendar has it (the timeline keeps instants in UTC).
    opinion: approval ? { text: approval.reason, by: approval.user, on: localDate({ now: () => new Date(approval.at) }) } : null,
    objections: detail.objections.map((o) => ({ receivedOn: o.receivedOn, content: o.content, outcome: o.status, decision: o.decision })),
  };
}

/** 申报表 of one file. */
export function printApplication(ctx: CallContext, input: ParsedInput<'files.printApplication'>): ChannelOutput<'files.printApplication'> {
  requireFile(ctx, input.id);
  return ctx.startJob(async (): Promise<FileRef> => {
    const data = applicationData(ctx, input.id);
    const pdf = await renderPdf(hardshipApplicationDocument(data), { fontsDir: ctx.core.resources.fontsDir });
    audited(ctx, input.id, 'application', 1);
    return putOutboxFile(ctx.core.files, fileName('困难职工申报表', data, localDate(ctx.clock)), PDF, pdf);
  });
}

function requireVisit(ctx: CallContext, fileId: string, visitId: string): void {
  requireFile(ctx, fileId);
  const found = ctx.sqlite.prepare('SELECT 1 FROM file_visits WHERE id = ? AND file_id = ?').get(visitId, fileId);
  if (!found) throw new AppError('NOT_FOUND', { record: 'visit' });
}

/** 入户调查表 of one visit of a file. */
export function printVisit(ctx: CallContext, input: ParsedInput<'files.printVisit'>): ChannelOutput<'files.printVisit'> {
  requireVisit(ctx, input.id, input.visitId);
  return ctx.startJob(async (): Promise<FileRef> => {
    const detail = get(ctx, input.id);
    // requireVisit found it, and visits are never deleted.
    const visit = detail.visits.find((v) => v.id === input.visitId)!;
    const document = visitRecordDocument({
      orgName: orgName(ctx),
      printedAt: ctx.clock.now(),
      file: {
        fileNo: detail.fileNo,
        headName: detail.headName,
        headIdNumberMasked: detail.headIdNumberMasked,
        unitName: detail.unitName,
        householdSize: detail.household.length,
        homeAddress: detail.draft.homeAddress,
        homePhone: detail.draft.homePhone,
      },
      visit,
    });
    const pdf = await renderPdf(document, { fontsDir: ctx.core.resources.fontsDir });
    audited(ctx, input.id, 'visit', 1);
    const prefix = visit.kind === 'sixClears' ? '入户调查表' : '走访记录表';
    return putOutboxFile(ctx.core.files, `${prefix}-${detail.fileNo ?? visit.date}.pdf`, PDF, pdf);
  });
}

/**
 * 公示 of a set of files, in the order given (each once). Only 序号, 姓名, 单位, 类别 are read for it. The category
 * is the one fixed at approval, or else the one the means test gives today (a file under notice has no fixed
 * category yet). The end date is the latest of the files' notices: the sheet stays up until every one has ended.
 */
export function printNotice(ctx: CallContext, input: ParsedInput<'files.printNotice'>): ChannelOutput<'files.printNotice'> {
  const ids = [...new Set(input.ids)];
  // A notice publishes names (PIPL): only households that gave their written consent to it.
  const files = ids.map((id) => requireFile(ctx, id));
  const drafts = files.map(parseDraft);
  const withoutConsent = drafts.filter((draft) => !draft.consents.publicNoticeOn);
  if (withoutConsent.length > 0)
    throw new AppError('FILE_ACTION_BLOCKED', { action: 'printNotice', blockers: ['CONSENT_MISSING'], count: withoutConsent.length });
  return ctx.startJob(async (job): Promise<FileRef> => {
    const day = judgingDay(ctx);
    const rows: PublicNoticeData['rows'] = [];
    let endsOn: string | null = null;
    for (const [i, file] of files.entries()) {
      const computed = meansTestOf(drafts[i]!, householdOf(ctx.sqlite, file.id).map(detailsOf), day).result?.category;
      const unit = file.memberId ? (findMemberById(ctx.sqlite, file.memberId)?.unitName ?? null) : null;
      rows.push({ name: file.headName, unit, category: file.category ?? (computed && computed !== 'none' ? computed : null) });
      if (file.noticeEndsOn && (endsOn === null || file.noticeEndsOn > endsOn)) endsOn = file.noticeEndsOn;
      if ((i + 1) % 50 === 0) {
        job.progress(i + 1, ids.length);
        await job.pause();
        job.throwIfCancelled();
      }
    }
    const org = readOrg(ctx.db)!;
    const document = publicNoticeDocument({
      orgName: org.name,
      contactPhone: org.contactPhone,
      contactAddress: org.contactAddress,
      printedAt: ctx.clock.now(),
      noticeWorkingDays: day.lifecycle.noticeWorkingDays,
      endsOn,
      rows,
    });
    const pdf = await renderPdf(document, { fontsDir: ctx.core.resources.fontsDir });
    audited(ctx, ids[0]!, 'notice', ids.length);
    return putOutboxFile(ctx.core.files, `困难职工建档公示-${day.today}.pdf`, PDF, pdf);
  });
}
