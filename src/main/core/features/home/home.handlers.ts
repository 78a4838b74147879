import { defineHandlers } from '../../context';
import * as home from './home.service';

export const homeHandlers = defineHandlers({
  'home.todo': (_input, ctx) => home.todo(ctx),
});
