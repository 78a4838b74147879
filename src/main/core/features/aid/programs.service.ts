import { v7 as uuidv7 } from 'uuid';
import type { ChannelOutput, ParsedInput } from '@shared/contract';
import { STANDARD_KIND, type AidStandard, type AidType } from '@shared/domain/aid';
import { AppError } from '@shared/errors';
import type { CallContext } from '../../context';
import { readOrg } from '../org/org.repo';
import { insertProgram, listPrograms, readProgram, setProgramStatus, updateProgram } from './aid.repo';

/**
 * Programs (项目, docs/domain.md "Aid"): set up by a reviewer or an administrator (the router lets no clerk in).
 * A program's standard must be of its type's kind (STANDARD_KIND) and able to pay someone; the problem is named.
 */

export type ProgramProblem = 'standardKind' | 'noCategory' | 'noStage' | 'zeroAmount' | 'typeOrYearWithPayments';

/** What is wrong with this standard for this type, or null. */
export function standardProblem(type: AidType, standard: AidStandard): ProgramProblem | null {
  if (STANDARD_KIND[type] !== standard.kind) return 'standardKind';
  switch (standard.kind) {
    case 'lowLineMonths':
      return Object.keys(standard.monthsByCategory).length === 0 ? 'noCategory' : null;
    case 'billShare':
      return Object.keys(standard.byCategory).length === 0 ? 'noCategory' : null;
    case 'perStudent':
      return Object.keys(standard.byStage).length === 0 ? 'noStage' : null;
    case 'fixed':
      return standard.amountFen === 0 ? 'zeroAmount' : null;
    case 'lossShare':
    case 'emergency':
      return standard.capFen === 0 ? 'zeroAmount' : null;
    case 'service':
      return null;
  }
}

function notFound(): never {
  throw new AppError('NOT_FOUND', { record: 'aidProgram' });
}

export function programs(ctx: CallContext, input: ParsedInput<'aid.programs'>): ChannelOutput<'aid.programs'> {
  return { programs: listPrograms(ctx.sqlite, input.year ?? null, input.includeClosed ?? true) };
}

export function program(ctx: CallContext, id: string): ChannelOutput<'aid.program'> {
  return readProgram(ctx.sqlite, id) ?? notFound();
}

export function saveProgram(ctx: CallContext, input: ParsedInput<'aid.saveProgram'>): ChannelOutput<'aid.saveProgram'> {
  const problem = standardProblem(input.type, input.standard);
  if (problem) throw new AppError('AID_PROGRAM_INVALID', { problem, expected: STANDARD_KIND[input.type] });
  const row = {
    type: input.type,
    name: input.name,
    year: input.year,
    fundSource: input.fundSource,
    budgetFen: input.budgetFen,
    standard: input.standard,
    note: input.note ?? null,
  };
  const id = input.id ?? uuidv7();
  ctx.write(() => {
    const now = ctx.now();
    if (input.id) {
      const before = readProgram(ctx.sqlite, input.id) ?? notFound();
      // Payments copy the program's type and year (the caps sum them from there): those stay once money moved.
      if (before.usage.payments > 0 && (before.type !== input.type || before.year !== input.year)) {
        throw new AppError('AID_PROGRAM_INVALID', { problem: 'typeOrYearWithPayments' });
      }
      updateProgram(ctx.sqlite, id, now, row);
    } else {
      insertProgram(ctx.sqlite, { ...row, id, origin: readOrg(ctx.db)!.id, now, by: ctx.user!.id });
    }
    ctx.audit({
      recordType: 'aidProgram',
      recordId: id,
      event: 'aid.programSaved',
      params: { type: input.type, year: input.year, created: input.id ? 'no' : 'yes' },
    });
  });
  return readProgram(ctx.sqlite, id)!;
}

export function changeProgramStatus(ctx: CallContext, input: ParsedInput<'aid.setProgramStatus'>): ChannelOutput<'aid.setProgramStatus'> {
  ctx.write(() => {
    if (!readProgram(ctx.sqlite, input.id)) notFound();
    setProgramStatus(ctx.sqlite, input.id, ctx.now(), input.status);
    ctx.audit({ recordType: 'aidProgram', recordId: input.id, event: 'aid.programStatusSet', params: { status: input.status } });
  });
  return { ok: true };
}
