import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { maskAccount, readProgram } from './aid.repo';
import { evaluate } from './suggestion';

/** aid.suggest: what the screen shows before a payment is entered (createPayment checks it all again). */
export function suggest(ctx: CallContext, input: ParsedInput<'aid.suggest'>, today: string): ChannelOutput<'aid.suggest'> {
  const program = readProgram(ctx.sqlite, input.programId);
  if (!program) throw new AppError('NOT_FOUND', { record: 'aidProgram' });
  const { suggestion, file } = evaluate(
    ctx.sqlite,
    program,
    { fileId: input.fileId, studentId: input.studentId, baseFen: input.baseFen },
    today,
  );
  return { ...suggestion, accountMasked: maskAccount(file?.bankAccount ?? null) };
}
