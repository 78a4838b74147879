import { defineHandlers } from '../../context';
import * as dashboard from './dashboard.service';

export const dashboardHandlers = defineHandlers({
  'dashboard.charts': (input, ctx) => dashboard.charts(ctx, input),
});
