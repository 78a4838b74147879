import type { CallContext } from '../../context';
import type { ReportQuery, SheetBody } from './report-frame';

// The three tables of files (in progress): households, causes, movements.
function empty(name: string, title: string): SheetBody {
  return { name, title, header: [[{ text: '' }]], body: [] };
}

export function householdsSheet(_ctx: CallContext, _query: ReportQuery): SheetBody {
  return empty('困难职工家庭', '困难职工家庭情况统计表');
}

export function causesSheet(_ctx: CallContext, _query: ReportQuery): SheetBody {
  return empty('致困原因', '困难职工致困原因统计表');
}

export function movementsSheet(_ctx: CallContext, _query: ReportQuery): SheetBody {
  return empty('增减变动', '困难职工档案增减变动表');
}
