import { defineHandlers } from '../../context';
import { exportFiles } from './file-export';
import { listFiles } from './file-list';
import { filesOfMember } from './member-files';
import * as attachments from './attachments.service';
import * as existing from './existing-files.service';
import * as imports from './file-imports.service';
import * as files from './files.service';
import * as lifecycle from './lifecycle.service';
import * as visits from './visits.service';

export const hardshipHandlers = defineHandlers({
  'files.create': (input, ctx) => files.create(ctx, input),
  'files.get': (input, ctx) => files.get(ctx, input.id),
  'files.list': (input, ctx) => listFiles(ctx, input),
  'files.export': (input, ctx) => exportFiles(ctx, input),
  'files.ofMember': (input, ctx) => filesOfMember(ctx, input.memberId),
  'files.saveDraft': (input, ctx) => files.saveDraft(ctx, input),
  'files.recordVisit': (input, ctx) => visits.recordVisit(ctx, input),
  'files.attach': (input, ctx) => attachments.attach(ctx, input),
  'files.act': (input, ctx) => lifecycle.act(ctx, input),
  'files.history': (input, ctx) => files.history(ctx, input.id),
  'files.openAttachment': (input, ctx) => attachments.openAttachment(ctx, input),
  'files.previewAttachment': (input, ctx) => attachments.previewAttachment(ctx, input),
  'files.withdrawAttachment': (input, ctx) => attachments.withdrawAttachment(ctx, input),
  'files.existingTemplate': (_input, ctx) => existing.existingTemplate(ctx),
  'files.checkExisting': (input, ctx) => existing.checkExisting(ctx, input),
  'files.importExisting': (input, ctx) => existing.importExisting(ctx, input),
  'files.pendingImports': (_input, ctx) => imports.listPending(ctx),
  'files.decideImport': (input, ctx) => imports.decide(ctx, input),
});
