import { defineHandlers } from '../../context';
import * as dashboard from './dashboard.service';

export const dashboardHandlers = defineHandlers({
  'dashboard.charts': (_input, ctx) => dashboard.charts(ctx),
});
