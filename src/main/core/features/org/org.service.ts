import type { OrgSettings } from '@shared/contract/org';
import { checkCreditCode, normalizeCreditCode } from '@shared/domain/credit-code';
import { checkPhone } from '@shared/domain/phone';
import { isValidRegionCode } from '@shared/domain/region-code';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { readOrg, updateOrg, type OrgRow } from './org.repo';

export type OrgWarning = 'CREDIT_CODE_CHECK';

/**
 * A credit code must have the right form; a wrong check character is only a warning, because some early codes
 * fail the check (docs/domain.md "Identifiers"). The region code's province part must exist.
 */
export function checkOrgCodes(creditCode: string, regionCode: string): { creditCode: string; warnings: OrgWarning[] } {
  const normalized = normalizeCreditCode(creditCode);
  const check = checkCreditCode(normalized);
  if (check === 'bad-format') throw new AppError('INVALID_CREDIT_CODE');
  if (!isValidRegionCode(regionCode)) throw new AppError('INVALID_REGION_CODE');
  return { creditCode: normalized, warnings: check === 'bad-check' ? ['CREDIT_CODE_CHECK'] : [] };
}

/** An optional phone as the roster keeps it (010-87654321, 13800138000); empty is none; anything else is refused. */
export function optionalPhone(raw: string): string | null {
  if (raw.trim() === '') return null;
  const checked = checkPhone(raw);
  if (!checked.ok) throw new AppError('INVALID_PHONE');
  return checked.phone;
}

/** The settings a clerk edits, named in the audit entry when they change (org.settingsChanged { fields }). */
const SETTING_FIELDS = ['name', 'creditCode', 'regionCode', 'idleLockMinutes', 'contactPhone', 'contactAddress'] as const;

export function toSettings(row: OrgRow): OrgSettings {
  return {
    name: row.name,
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    mode: row.mode,
    idleLockMinutes: row.idleLockMinutes,
    contactPhone: row.contactPhone,
    contactAddress: row.contactAddress,
  };
}

export function get(ctx: CallContext): OrgSettings {
  return toSettings(readOrg(ctx.db)!);
}

export function update(
  ctx: CallContext,
  input: { name: string; creditCode: string; regionCode: string; idleLockMinutes: number; contactPhone?: string; contactAddress?: string },
): { settings: OrgSettings; warnings: OrgWarning[] } {
  const { creditCode, warnings } = checkOrgCodes(input.creditCode, input.regionCode);
  const contactPhone = input.contactPhone === undefined ? undefined : optionalPhone(input.contactPhone);
  return ctx.write(() => {
    const row = readOrg(ctx.db)!;
    const updated = updateOrg(ctx.db, row.id, {
      name: input.name,
      creditCode,
      regionCode: input.regionCode,
      idleLockMinutes: input.idleLockMinutes,
      ...(contactPhone === undefined ? {} : { contactPhone }),
      ...(input.contactAddress === undefined ? {} : { contactAddress: input.contactAddress || null }),
      updatedAt: ctx.now(),
    });
    // Which settings changed, by name only: the centre's phone and address stay out of the log.
    const fields = SETTING_FIELDS.filter((field) => (row[field] ?? null) !== (updated[field] ?? null)).join(',');
    ctx.audit({
      recordType: 'org',
      recordId: row.id,
      event: 'org.settingsChanged',
      params: { fields, idleLockMinutes: input.idleLockMinutes },
    });
    return { settings: toSettings(updated), warnings };
  });
}
