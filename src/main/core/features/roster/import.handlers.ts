import { defineHandlers } from '../../context';
import * as imports from './import.service';

export const rosterImportHandlers = defineHandlers({
  'rosterImport.inspect': (input, ctx) => imports.inspect(ctx, input.uploadId, input.fileName),
  'rosterImport.preview': (input, ctx) => imports.preview(ctx, input),
  'rosterImport.commit': (input, ctx) => imports.commit(ctx, input),
  'rosterImport.rejectedFile': (input, ctx) => imports.rejectedFile(ctx, input),
  'rosterImport.history': (_input, ctx) => imports.history(ctx),
});
