import { defineHandlers } from '../../context';
import { notBuilt } from './not-built';
import { verify } from './verify.service';

/** Programs, single payments and their states, the payments list and a file's aid (aid.service.ts). */
export const aidHandlers = defineHandlers({
  'aid.programs': () => notBuilt(),
  'aid.program': () => notBuilt(),
  'aid.saveProgram': () => notBuilt(),
  'aid.setProgramStatus': () => notBuilt(),
  'aid.suggest': () => notBuilt(),
  'aid.createPayment': () => notBuilt(),
  'aid.approve': () => notBuilt(),
  'aid.markPaid': () => notBuilt(),
  'aid.void': () => notBuilt(),
  'aid.reissue': () => notBuilt(),
  'aid.payment': () => notBuilt(),
  'aid.payments': () => notBuilt(),
  'aid.fileSummary': () => notBuilt(),
  'aid.verify': (input, ctx) => verify(ctx, input.text),
});
