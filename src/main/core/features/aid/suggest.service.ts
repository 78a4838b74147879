import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { checkIdNumber } from '@shared/domain/id-number';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { maskAccount, readProgram } from './aid.repo';
import { earlierNameDiffers } from './recipient-check';
import { evaluate } from './suggestion';

/**
 * aid.suggest: what the screen shows before a payment is entered (createPayment checks it all again). On the
 * emergency route the typed ID number, once valid, is what the caps count against (as createPayment counts them),
 * so the dialog's 本次最多 already takes off what the worker received this year.
 */
export function suggest(ctx: CallContext, input: ParsedInput<'aid.suggest'>, today: string): ChannelOutput<'aid.suggest'> {
  const program = readProgram(ctx.sqlite, input.programId);
  if (!program) throw new AppError('NOT_FOUND', { record: 'aidProgram' });
  const checked = input.fileId === null && input.recipient ? checkIdNumber(input.recipient.idNumber, today) : null;
  const idNumber = checked?.ok ? checked.id : null;
  const { suggestion, file } = evaluate(
    ctx.sqlite,
    program,
    { fileId: input.fileId, studentId: input.studentId, baseFen: input.baseFen, idNumber },
    today,
  );
  return {
    ...suggestion,
    accountMasked: maskAccount(file?.bankAccount ?? null),
    countedIdNumber: idNumber !== null,
    nameMismatch: idNumber !== null && earlierNameDiffers(ctx.sqlite, idNumber, input.recipient!.name),
  };
}
