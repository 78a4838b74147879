import { ALL_CENTRES, type DrillOutput } from '@shared/contract/reports';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { readOrg } from '../org/org.repo';
import { centreNames } from '../federation/centres.service';
import { centresOf, withCentreRecords, type ShadowPayments } from './federation-source';

/**
 * Whose records a reports call counts. A centre counts its own (no scope; one given is refused). A federation counts
 * its centres' as they sent them (federation-source.ts): one centre, or all of them added up (各中心合计, also when no
 * centre is named). The centres are those of 各中心 (a confirmed key card, withdrawn ones included: their records
 * are still held and still count for the days they cover).
 */
export interface ReportScope {
  centres: string[];
  /** Under the title: the centre's name, or 各中心合计. */
  label: string;
  names: Map<string, string>;
}

export function reportScope(ctx: CallContext, centre: string | undefined): ReportScope | null {
  if (readOrg(ctx.db)?.mode !== 'federation') {
    if (centre !== undefined) throw new AppError('REPORT_SCOPE_FEDERATION_ONLY');
    return null;
  }
  const names = centreNames(ctx);
  if (centre === undefined || centre === ALL_CENTRES) return { centres: [...names.keys()], label: '各中心合计', names };
  const name = names.get(centre);
  // The code only (no record) in the error: codes are public.
  if (name === undefined) throw new AppError('REPORT_CENTRE_UNKNOWN');
  return { centres: [centre], label: name, names };
}

/** Runs the builders on the scope's records (a centre's own tables when there is no scope); `payments`: those it counts. */
export function inScope<T>(ctx: CallContext, scope: ReportScope | null, run: () => T, payments?: ShadowPayments): T {
  return scope ? withCentreRecords(ctx.sqlite, scope.centres, run, payments) : run();
}

/** A title naming whose records it counts, e.g. 困难职工家庭情况统计表（各中心合计）. */
export function scopedTitle(title: string, scope: ReportScope | null): string {
  return scope ? `${title}（${scope.label}）` : title;
}

/** Each drill row with the centre it came from (called inside inScope, while the shadows stand). */
export function withCentres(ctx: CallContext, scope: ReportScope | null, output: DrillOutput): DrillOutput {
  if (!scope) return output;
  const label = (id: string, codes: Map<string, string>) => {
    const code = codes.get(id);
    return code === undefined ? {} : { centreCode: code, centreName: scope.names.get(code) ?? code };
  };
  if (output.kind === 'files') {
    const codes = centresOf(
      ctx.sqlite,
      output.rows.map((r) => r.fileId),
    );
    return { ...output, rows: output.rows.map((r) => ({ ...r, ...label(r.fileId, codes) })) };
  }
  const codes = centresOf(
    ctx.sqlite,
    output.rows.map((r) => r.paymentId),
  );
  return { ...output, rows: output.rows.map((r) => ({ ...r, ...label(r.paymentId, codes) })) };
}
