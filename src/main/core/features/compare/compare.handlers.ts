import { defineHandlers } from '../../context';
import { importList, inspect } from './compare-import';
import * as compare from './compare.service';

export const compareHandlers = defineHandlers({
  'compare.inspect': (input, ctx) => inspect(ctx, input.uploadId, input.fileName),
  'compare.import': (input, ctx) => importList(ctx, input),
  'compare.lists': (_input, ctx) => compare.lists(ctx),
  'compare.results': (input, ctx) => compare.results(ctx, input),
  'compare.export': (input, ctx) => compare.exportComparison(ctx, input),
  'compare.delete': (input, ctx) => compare.deleteList(ctx, input),
});
