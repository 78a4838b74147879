import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { ACTION_TEXT, checkAction, nextFileStep } from '@shared/domain/hardship-lifecycle';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { localDateOf } from '../../clock';
import { aidForMeansTest, detailsOf, factsOf, judgingDay, meansTestOf, parseDraft } from './file-facts';
import { nextFileNumber } from './file-number';
import { serviceBlockers } from './file-rules';
import { householdOf, touchFile } from './files.repo';
import { get, requireFile } from './files.service';

/**
 * One step of a file's life: the lifecycle module decides whether it may be taken (role, status, preconditions),
 * this writes what follows — the objection records, the number and category at approval, the timeline entry (with
 * the reason or the 审核意见) and the audit entry (without it: reasons may name people; an objector's name and
 * contact are kept with the objection only).
 */
export function act(ctx: CallContext, input: ParsedInput<'files.act'>): ChannelOutput<'files.act'> {
  ctx.write(() => {
    const file = requireFile(ctx, input.id);
    if (file.rev !== input.rev) throw new AppError('STALE_RECORD');
    const day = judgingDay(ctx);
    const actor = { id: ctx.user!.id, role: ctx.user!.role };
    const draft = parseDraft(file);
    const household = householdOf(ctx.sqlite, file.id);
    const meansTest = meansTestOf(draft, household.map(detailsOf), day, aidForMeansTest(ctx, file, day));
    const facts = factsOf(ctx, file, draft);
    const check = checkAction(facts, input.action, actor, day.today, day.lifecycle, input);
    const blockers = [
      ...(check.ok ? [] : check.blockers.map((b) => b.code)),
      ...serviceBlockers(input.action, household, draft, meansTest),
      ...objectionDateBlockers(ctx, file.id, input),
    ];
    if (blockers.length > 0) throw new AppError('FILE_ACTION_BLOCKED', { action: input.action, blockers });

    const step = nextFileStep(facts, input.action, actor, day.today, day.lifecycle);
    const now = ctx.now();
    // Words are kept only for the actions that ask for them (ACTION_TEXT); a submit's are its cross-household reason.
    const reason =
      input.action === 'submit'
        ? facts.inOtherHouseholds > 0
          ? input.crossHouseholdReason!.trim()
          : null
        : ACTION_TEXT[input.action]
          ? input.reason?.trim() || null
          : null;
    let code: string | null = input.action === 'close' ? input.closeReason! : null;
    if (input.action === 'submit' && reason) code = 'crossHousehold';
    const changes: Record<string, string | number | null> = {
      status: step.status,
      visits_count_from: step.visitsCountFrom,
      notice_ends_on: step.noticeEndsOn,
      annual_review_by: step.annualReviewBy,
    };
    switch (input.action) {
      case 'recordObjection': {
        const objection = input.objection!;
        ctx.sqlite
          .prepare(
            "INSERT INTO file_objections (id, file_id, received_on, received_from, contact, content, status) VALUES (?, ?, ?, ?, ?, ?, 'open')",
          )
          .run(
            uuidv7(),
            file.id,
            objection.receivedOn,
            objection.from?.trim() || null,
            objection.contact?.trim() || null,
            objection.content.trim(),
          );
        break;
      }
      case 'dismissObjection': {
        const oldest = ctx.sqlite
          .prepare("SELECT id FROM file_objections WHERE file_id = ? AND status = 'open' ORDER BY received_on, id LIMIT 1")
          .pluck()
          .get(file.id);
        ctx.sqlite
          .prepare("UPDATE file_objections SET status = 'dismissed', decided_by = ?, decided_at = ?, decision = ? WHERE id = ?")
          .run(actor.id, now, reason, oldest);
        break;
      }
      case 'upholdObjection':
        // The file goes back to the visit: every objection to this notice is settled with it.
        ctx.sqlite
          .prepare(
            "UPDATE file_objections SET status = 'upheld', decided_by = ?, decided_at = ?, decision = ? WHERE file_id = ? AND status = 'open'",
          )
          .run(actor.id, now, reason, file.id);
        break;
      case 'approve':
        changes.file_no = nextFileNumber(ctx.sqlite, day.regionCode, Number(day.today.slice(0, 4)));
        changes.category = meansTest.result!.category;
        changes.approved_by = actor.id;
        changes.approved_on = day.today;
        changes.reviewed_on = day.today;
        break;
      case 'keep':
        // The category may change at the annual review (docs/domain.md).
        changes.category = meansTest.result!.category;
        changes.reviewed_on = day.today;
        break;
      default:
        break;
    }
    touchFile(ctx.sqlite, file.id, now, changes);
    ctx.sqlite
      .prepare(
        'INSERT INTO file_events (file_id, at, user_id, action, from_status, to_status, reason, code, on_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        file.id,
        now,
        actor.id,
        input.action,
        file.status,
        step.status,
        reason,
        code,
        input.action === 'exit' ? input.date! : input.action === 'recordObjection' ? input.objection!.receivedOn : null,
      );
    ctx.audit({
      recordType: 'file',
      recordId: file.id,
      event: 'file.action',
      params: { action: input.action, from: file.status, to: step.status },
    });
  });
  return get(ctx, input.id);
}

/** An objection is to the notice: one received before the notice began is a wrong date (the notice's own start). */
function objectionDateBlockers(ctx: CallContext, fileId: string, input: ParsedInput<'files.act'>): 'DATE_BEFORE_NOTICE'[] {
  const receivedOn = input.action === 'recordObjection' ? input.objection?.receivedOn : undefined;
  if (!receivedOn) return [];
  const startedAt = ctx.sqlite
    .prepare("SELECT max(at) FROM file_events WHERE file_id = ? AND action = 'startNotice'")
    .pluck()
    .get(fileId) as string | null;
  return startedAt !== null && receivedOn < localDateOf(startedAt) ? ['DATE_BEFORE_NOTICE'] : [];
}
