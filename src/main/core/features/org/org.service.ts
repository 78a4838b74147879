import type { OrgSettings } from '@shared/contract/org';
import { checkCreditCode, normalizeCreditCode } from '@shared/domain/credit-code';
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

export function toSettings(row: OrgRow): OrgSettings {
  return {
    name: row.name,
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    mode: row.mode,
    idleLockMinutes: row.idleLockMinutes,
  };
}

export function get(ctx: CallContext): OrgSettings {
  return toSettings(readOrg(ctx.db)!);
}

export function update(
  ctx: CallContext,
  input: { name: string; creditCode: string; regionCode: string; idleLockMinutes: number },
): { settings: OrgSettings; warnings: OrgWarning[] } {
  const { creditCode, warnings } = checkOrgCodes(input.creditCode, input.regionCode);
  return ctx.write(() => {
    const row = readOrg(ctx.db)!;
    const updated = updateOrg(ctx.db, row.id, {
      name: input.name,
      creditCode,
      regionCode: input.regionCode,
      idleLockMinutes: input.idleLockMinutes,
      updatedAt: ctx.now(),
    });
    ctx.audit({ recordType: 'org', recordId: row.id, event: 'org.settingsChanged', params: { idleLockMinutes: input.idleLockMinutes } });
    return { settings: toSettings(updated), warnings };
  });
}
