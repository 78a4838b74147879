import { defineHandlers } from '../../context';
import { exportPolicyFile } from './policy-file-export.service';
import { importPolicyFile, previewPolicyFile } from './policy-file-import.service';

export const policyFileHandlers = defineHandlers({
  'policyFile.export': (input, ctx) => exportPolicyFile(ctx, input),
  'policyFile.preview': (input, ctx) => previewPolicyFile(ctx, input),
  'policyFile.import': (input, ctx) => importPolicyFile(ctx, input),
});
