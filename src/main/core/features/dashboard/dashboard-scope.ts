import { ALL_CENTRES } from '@shared/contract/reports';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { centreNames } from '../federation/centres.service';
import { readOrg } from '../org/org.repo';

/**
 * Whose records the director's charts count, as the reports choose (reports/report-scope.ts): a centre its own (a
 * centre named is refused), a federation one of its centres or all of them (各中心合计, also when none is named). The
 * centres are those of 各中心, withdrawn ones included (their records are still held). `all`: every centre, for the
 * bars per centre.
 */
export interface DashboardScope {
  centre: string;
  label: string;
  centres: string[];
  all: { code: string; name: string }[];
}

export function dashboardScope(ctx: CallContext, centre: string | undefined): DashboardScope | null {
  if (readOrg(ctx.db)?.mode !== 'federation') {
    if (centre !== undefined) throw new AppError('DASHBOARD_SCOPE_FEDERATION_ONLY');
    return null;
  }
  const names = centreNames(ctx);
  const all = [...names].map(([code, name]) => ({ code, name }));
  if (centre === undefined || centre === ALL_CENTRES) return { centre: ALL_CENTRES, label: '各中心合计', centres: [...names.keys()], all };
  const name = names.get(centre);
  // The code only in the error (codes are public).
  if (name === undefined) throw new AppError('DASHBOARD_CENTRE_UNKNOWN');
  return { centre, label: name, centres: [centre], all };
}
