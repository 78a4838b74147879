import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, FileRef, ParsedInput } from '@shared/contract';
import { maskIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import { localDateOf } from '../../clock';
import type { CallContext } from '../../context';
import { putOutboxFile } from '../../files';
import { findMissingGlyphs, renderPdf } from '../../pdf';
import { aidCertificateDocument, type AidCertificateData } from '../../pdf/documents/aid-certificate';
import { CATEGORY_LABELS } from '@shared/labels-zh';
import { FONT_FILES } from '../../pdf/render';
import { judgingDay, reviewPeriodOf } from '../hardship/file-facts';
import type { FileRow } from '../hardship/files.repo';
import { requireFile } from '../hardship/files.service';
import { readOrg } from '../org/org.repo';
import { findMemberById } from '../roster/members.repo';
import { certificateCodeText } from './qr-codes';
import { formatSerial, takeSerials } from './serials';

/**
 * 困难职工证明 (docs/domain.md "Printed documents"): that a household is registered in hardship, for schools and
 * hospitals that waive fees. Only for a file 在档 (active), and valid until its next annual review (the review date
 * plus the policy interval, as the file list's "review due" flag counts it). The first print takes a certificate
 * serial and records the certificate; printing it again while it still holds for the same review period reuses it and
 * says 补打 with the count. After the file's next review the period has moved, so a new certificate is issued.
 */

interface CertificateRow {
  serial: string;
  validUntil: string;
  issuedAt: string;
  printCount: number;
}

export function printCertificate(ctx: CallContext, input: ParsedInput<'aid.printCertificate'>): ChannelOutput<'aid.printCertificate'> {
  const file = requireFile(ctx, input.fileId);
  const day = judgingDay(ctx);
  const { nextReviewOn: validUntil, reviewOverdue } = reviewPeriodOf(ctx, file, day);
  if (file.status !== 'active' || !file.fileNo || !file.category || !validUntil)
    throw new AppError('AID_CERTIFICATE_NOT_ACTIVE', { status: file.status });
  // The review is overdue: the file must be reviewed before anything can vouch for it again (the file page's button
  // says so from the same rule, FileDetail.reviewOverdue).
  if (reviewOverdue) throw new AppError('AID_CERTIFICATE_NOT_ACTIVE', { status: file.status, reviewDue: true });

  return ctx.startJob(async (): Promise<FileRef> => {
    const unit = file.memberId ? (findMemberById(ctx.sqlite, file.memberId)?.unitName ?? null) : null;
    const draft = (issued: CertificateRow, reprintCount: number, qrText: string): AidCertificateData => ({
      orgName: readOrg(ctx.db)!.name,
      printedAt: ctx.clock.now(),
      layout: input.layout,
      serial: issued.serial,
      name: file.headName,
      maskedId: maskIdNumber(file.headIdNumber),
      unit: unit ?? '—',
      categoryLabel: CATEGORY_LABELS[file.category!],
      fileNumber: file.fileNo!,
      validUntil: issued.validUntil,
      issuedOn: localDateOf(issued.issuedAt),
      qrText,
      reprintCount,
    });
    // The glyph check before a serial is taken: a name the font lacks must not use up a number nobody can print.
    const regular = join(ctx.core.resources.fontsDir, FONT_FILES.regular);
    const probe = { serial: 'Z0000-000000', validUntil, issuedAt: ctx.now(), printCount: 0 };
    const missing = findMissingGlyphs(aidCertificateDocument(draft(probe, 0, 'BF1')), regular);
    if (missing.length > 0) throw new AppError('MISSING_GLYPHS', { chars: missing });

    const { certificate, reprint } = ctx.write(() => {
      const held = validCertificate(ctx, file, validUntil);
      if (held) {
        ctx.sqlite.prepare('UPDATE aid_certificates SET print_count = print_count + 1 WHERE serial = ?').run(held.serial);
      }
      const issued = held ?? issue(ctx, file, validUntil, Number(day.today.slice(0, 4)));
      ctx.audit({
        recordType: 'file',
        recordId: file.id,
        event: 'aid.certificatePrinted',
        params: { serial: issued.serial, reprint: held ? 'yes' : 'no' },
      });
      return { certificate: issued, reprint: held !== undefined };
    });
    const data = draft(certificate, reprint ? certificate.printCount : 0, certificateCodeText(ctx.sqlite, certificate.serial));
    const pdf = await renderPdf(aidCertificateDocument(data), { fontsDir: ctx.core.resources.fontsDir });
    return putOutboxFile(ctx.core.files, `困难职工证明-${certificate.serial}.pdf`, 'application/pdf', pdf);
  });
}

/** The file's certificate for this review period, if one was issued. */
function validCertificate(ctx: CallContext, file: FileRow, validUntil: string): CertificateRow | undefined {
  return ctx.sqlite
    .prepare(
      `SELECT serial, valid_until AS validUntil, issued_at AS issuedAt, print_count AS printCount FROM aid_certificates
       WHERE file_id = ? AND valid_until = ? ORDER BY issued_at DESC LIMIT 1`,
    )
    .get(file.id, validUntil) as CertificateRow | undefined;
}

/** A new certificate: the next serial of the year, inside the write transaction (serials.ts). */
function issue(ctx: CallContext, file: FileRow, validUntil: string, year: number): CertificateRow {
  const serial = formatSerial('certificate', year, takeSerials(ctx.sqlite, 'certificate', year, 1));
  const issuedAt = ctx.now();
  ctx.sqlite
    .prepare(
      `INSERT INTO aid_certificates (id, serial, file_id, valid_until, issued_by, issued_at, print_count)
       VALUES (?, ?, ?, ?, ?, ?, 1)`,
    )
    .run(uuidv7(), serial, file.id, validUntil, ctx.user!.id, issuedAt);
  return { serial, validUntil, issuedAt, printCount: 1 };
}
