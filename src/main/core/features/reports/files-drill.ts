import type { DrillOutput } from '@shared/contract/reports';
import type { CallContext } from '../../context';
import type { DrillPage } from './report-frame';

/** The files behind a number of the file tables (in progress). */
export function filesDrill(_ctx: CallContext, _payload: unknown, _page: DrillPage): DrillOutput {
  return { kind: 'files', rows: [], total: 0 };
}
