import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { renderPdf } from '../../pdf';
import { CATEGORY_LABELS } from '@shared/labels-zh';
import { contactCardsDocument, type ContactCardData } from '../../pdf/documents/contact-cards';
import { AppError } from '@shared/errors';
import { parseDraft } from '../hardship/file-facts';
import { selectionSql } from '../hardship/file-list';
import { requireFile } from '../hardship/files.service';
import { readOrg } from '../org/org.repo';

/**
 * 联系卡 (docs/domain.md "Printed documents"), ten to an A4 page, for a set of files in the order given (each once):
 * the card number (the file number), the head's name, the category, who to call and the 12351 union hotline. Who to
 * call is the file's own first 帮扶责任人 when one is set (with their phone, or the centre's), else the centre with its
 * contact phone (org settings). Nothing else of the file is read onto the card.
 */

const CENTRE = '帮扶中心';
/** Files read between progress reports and cancel checks. */
const STEP = 200;

/** The most cards one print makes (a thousand A4 sheets); a larger selection is narrowed by the list's filters. */
const MAX_CARDS = 10_000;

/** The files of the list's selection, in the list's order (read before the job: a refused search fails at once). */
function selectedFileIds(ctx: CallContext, selection: NonNullable<ParsedInput<'aid.printContactCards'>['selection']>): string[] {
  const { where, from, params, order } = selectionSql(ctx, selection);
  return ctx.sqlite
    .prepare(`SELECT f.id FROM hardship_files f ${from} ${where} ORDER BY ${order} LIMIT @limit`)
    .pluck()
    .all({ ...params, limit: MAX_CARDS }) as string[];
}

export function printContactCards(ctx: CallContext, input: ParsedInput<'aid.printContactCards'>): ChannelOutput<'aid.printContactCards'> {
  const ids = [...new Set(input.selection ? selectedFileIds(ctx, input.selection) : input.fileIds)];
  if (ids.length === 0) throw new AppError('NOT_FOUND');
  const files = ids.map((id) => requireFile(ctx, id));
  return ctx.startJob(async (job): Promise<FileRef> => {
    const org = readOrg(ctx.db)!;
    const centrePhone = org.contactPhone ?? '—';
    const cards: ContactCardData['cards'] = [];
    for (const [i, file] of files.entries()) {
      const contact = parseDraft(file).contacts[0];
      cards.push({
        // A file gets its number at approval; a card printed before says so rather than showing nothing.
        cardNumber: file.fileNo ?? '（待编号）',
        name: file.headName,
        categoryLabel: file.category ? CATEGORY_LABELS[file.category] : '—',
        ...(contact ? { contactPerson: contact.name, contactPhone: contact.phone ?? centrePhone } : {}),
      });
      if ((i + 1) % STEP === 0) {
        job.progress(i + 1, files.length);
        await job.pause();
        job.throwIfCancelled();
      }
    }
    const document = contactCardsDocument({
      orgName: org.name,
      printedAt: ctx.clock.now(),
      contactPerson: CENTRE,
      contactPhone: centrePhone,
      cards,
    });
    const pdf = await renderPdf(document, { fontsDir: ctx.core.resources.fontsDir });
    ctx.write(() =>
      ctx.audit({ recordType: 'file', recordId: ids[0]!, event: 'aid.contactCardsPrinted', params: { count: cards.length } }),
    );
    return putOutboxFile(ctx.core.files, `帮扶联系卡-${cards.length}张.pdf`, 'application/pdf', pdf);
  });
}
