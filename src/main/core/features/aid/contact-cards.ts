import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { renderPdf } from '../../pdf';
import { CATEGORY_LABELS } from '../../pdf/documents/hardship-labels';
import { contactCardsDocument, type ContactCardData } from '../../pdf/documents/contact-cards';
import { parseDraft } from '../hardship/file-facts';
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

export function printContactCards(ctx: CallContext, input: ParsedInput<'aid.printContactCards'>): ChannelOutput<'aid.printContactCards'> {
  const ids = [...new Set(input.fileIds)];
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
