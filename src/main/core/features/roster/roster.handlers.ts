import { defineHandlers } from '../../context';
import * as members from './members.service';
import * as output from './roster-output.service';
import * as units from './units.service';

export const rosterHandlers = defineHandlers({
  'roster.search': (input, ctx) => members.search(ctx, input),
  'roster.get': (input, ctx) => members.get(ctx, input.id),
  'roster.revealId': (input, ctx) => members.revealId(ctx, input.id),
  'roster.create': (input, ctx) => members.create(ctx, input),
  'roster.update': (input, ctx) => members.update(ctx, input),
  'roster.changeStatus': (input, ctx) => members.changeStatus(ctx, input),
  'roster.history': (input, ctx) => members.history(ctx, input.id),
  'roster.export': (input, ctx) => output.exportXlsx(ctx, input),
  'roster.print': (input, ctx) => output.printPdf(ctx, input),
  'units.list': (input, ctx) => units.list(ctx, input.kind, input.query),
  'units.rename': (input, ctx) => units.rename(ctx, input.id, input.name),
  'units.merge': (input, ctx) => units.merge(ctx, input.fromId, input.intoId),
});
