import { defineHandlers } from '../../context';
import * as reports from './reports.service';

export const reportsHandlers = defineHandlers({
  'reports.tables': (input, ctx) => reports.tables(ctx, input),
  'reports.drill': (input, ctx) => reports.drill(ctx, input),
});
