import { localDate } from '../../clock';
import { defineHandlers } from '../../context';
import { fileSummary } from './file-aid';
import { listPayments } from './payment-list';
import { approve, createPayment, markPaid, payment, reissue, voidOne } from './payments.service';
import { changeProgramStatus, program, programs, saveProgram } from './programs.service';
import { suggest } from './suggest.service';
import { verify } from './verify.service';

/** Programs, single payments and their states, the payments list and a file's aid. */
export const aidHandlers = defineHandlers({
  'aid.programs': (input, ctx) => programs(ctx, input),
  'aid.program': (input, ctx) => program(ctx, input.id),
  'aid.saveProgram': (input, ctx) => saveProgram(ctx, input),
  'aid.setProgramStatus': (input, ctx) => changeProgramStatus(ctx, input),
  'aid.suggest': (input, ctx) => suggest(ctx, input, localDate(ctx.clock)),
  'aid.createPayment': (input, ctx) => createPayment(ctx, input),
  'aid.approve': (input, ctx) => approve(ctx, input),
  'aid.markPaid': (input, ctx) => markPaid(ctx, input),
  'aid.void': (input, ctx) => voidOne(ctx, input),
  'aid.reissue': (input, ctx) => reissue(ctx, input),
  'aid.payment': (input, ctx) => payment(ctx, input.id),
  'aid.payments': (input, ctx) => listPayments(ctx, input),
  'aid.fileSummary': (input, ctx) => fileSummary(ctx.sqlite, input.fileId, localDate(ctx.clock)),
  'aid.verify': (input, ctx) => verify(ctx, input.text),
});
