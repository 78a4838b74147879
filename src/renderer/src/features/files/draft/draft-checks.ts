import type { AppErrorShape } from '@shared/errors';
import { checkIdNumber } from '@shared/domain/id-number';
import { checkPhone } from '@shared/domain/phone';
import { moneyProblem } from '../../../components/money';
import { errorMessage, idProblemMessage } from '../../../i18n/errors';
import type { t as translate } from '../../../i18n';
import type { DraftState } from './draft-state';

type T = typeof translate;

/** One thing to fix: the field's id (to scroll to and focus), the words under the field, and the summary's words. */
export interface DraftProblem {
  field: string;
  /** Under the field. */
  short: string;
  /** In the summary beside the save button: names the field, and the row and person for a household member. */
  message: string;
}

/** Field ids: stable for a row while the form is open (its key), so a link still finds its field after edits. */
export const fieldId = {
  memberName: (key: number) => `draft-m${key}-name`,
  memberId: (key: number) => `draft-m${key}-id`,
  memberIncome: (key: number) => `draft-m${key}-income`,
  memberRelation: (key: number) => `draft-m${key}-relation`,
  itemAmount: (key: number) => `draft-i${key}-amount`,
  accident: 'draft-accident',
  homePhone: 'draft-home-phone',
  consent: (consent: string) => `draft-consent-${consent}`,
  contactPhone: (key: number) => `draft-c${key}-phone`,
  mainCause: 'draft-main-cause',
  bankAccount: 'draft-bank-account',
};

/**
 * What is wrong in the form now, in the order of the fields on the screen. Some problems show only once the clerk
 * has left the field or tried to save (an ID number half typed is not yet wrong; an empty name is not wrong until
 * saving); a bad amount shows at once, since no further typing makes "-5" or "12000.555" right.
 */
export function draftProblems(t: T, s: DraftState, today: string, all = s.submitted): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const add = (field: string, short: string, message: string) => problems.push({ field, short, message });
  const money = (field: string, text: string, what: string) => {
    const problem = moneyProblem(text);
    // "12." is on its way to "12.5": not wrong until a save is tried (then it is, rather than saved as 0).
    const typing = problem === 'invalid' && /\.\s*$/.test(text) && !all;
    if (problem && !typing) {
      const short = t(`files.draftChecks.money.${problem}`);
      add(field, short, t('files.draftChecks.named', { what, problem: short }));
    }
  };

  s.members.forEach((m, i) => {
    const name = m.name.trim();
    const row = name ? t('files.draftChecks.rowNamed', { row: i + 1, name }) : t('files.draftChecks.row', { row: i + 1 });
    if (all && !name) {
      const short = t('files.draftChecks.nameRequired');
      add(fieldId.memberName(m.key), short, t('files.draftChecks.named', { what: row, problem: short }));
    }
    const id = m.idNumber?.trim() ?? '';
    // A person already on the list keeps their number when the field stays empty (it is never shown whole).
    if (id !== '' || (!m.id && all)) {
      const check = checkIdNumber(id, today);
      const judged = all || s.left[fieldId.memberId(m.key)] || id.length >= 18;
      if (!check.ok && judged) {
        const words =
          check.problem === 'EMPTY'
            ? t('files.draftChecks.idRequired')
            : t('files.draftChecks.idProblem', { problem: idProblemMessage(check.problem) });
        const message = t('files.draftChecks.named', { what: row, problem: words });
        add(fieldId.memberId(m.key), message, message);
      }
    }
    money(fieldId.memberIncome(m.key), m.income, t('files.draftChecks.memberIncome', { row }));
  });
  s.items.forEach((item, i) =>
    money(
      fieldId.itemAmount(item.key),
      item.amount,
      t('files.draftChecks.item', { n: i + 1, item: t(`incomeCodes.${item.code as 'other'}`) }),
    ),
  );
  money(fieldId.accident, s.accident, t('files.accidentCostsShort'));
  const phone = s.home.phone.trim();
  if (phone !== '' && (all || s.left[fieldId.homePhone]) && !checkPhone(phone).ok) {
    const short = t('files.draftChecks.phone');
    add(fieldId.homePhone, short, t('files.draftChecks.named', { what: t('files.homePhone'), problem: short }));
  }
  // A consent date the field could not take is kept out of the save: saved, it would be an empty date.
  for (const [field, message] of Object.entries(s.dateProblems)) add(field, message, message);
  s.contacts.forEach((c, i) => {
    const contactPhone = c.phone.trim();
    if (contactPhone !== '' && (all || s.left[fieldId.contactPhone(c.key)]) && !checkPhone(contactPhone).ok) {
      const short = t('files.draftChecks.phone');
      const what = t('files.draftChecks.contactPhone', { n: i + 1, name: c.name.trim() || t('files.contactName') });
      add(fieldId.contactPhone(c.key), short, t('files.draftChecks.named', { what, problem: short }));
    }
  });
  const account = s.text.bankAccount.replace(/\s/g, '');
  if (account !== '' && (all || s.left[fieldId.bankAccount]) && !/^\d{8,30}$/.test(account)) {
    const short = t('files.draftChecks.bankAccount');
    add(fieldId.bankAccount, short, t('files.draftChecks.named', { what: t('files.bankAccount'), problem: short }));
  }
  return problems;
}

/**
 * A refusal from the core, put on the field it is about where the error says which (the household row, the phone,
 * the causes); otherwise on no field (the summary still lists it).
 */
export function serverProblem(t: T, s: DraftState, error: AppErrorShape): DraftProblem {
  const message = errorMessage(error);
  const params = error.params ?? {};
  const member = typeof params.row === 'number' ? s.members[params.row - 1] : undefined;
  let field: string | null = null;
  if (error.code === 'INVALID_ID_NUMBER' && member) field = fieldId.memberId(member.key);
  else if (error.code === 'FILE_DRAFT_INVALID') {
    if (params.problem === 'HOME_PHONE') field = fieldId.homePhone;
    else if (params.problem === 'CONTACT_PHONE' && typeof params.contact === 'number' && s.contacts[params.contact - 1])
      field = fieldId.contactPhone(s.contacts[params.contact - 1]!.key);
    else if (params.problem === 'CAUSES') field = fieldId.mainCause;
    else if (params.problem === 'SPOUSE_TWICE' && member) field = fieldId.memberRelation(member.key);
    else if (member) field = fieldId.memberId(member.key);
  } else if (error.code === 'INVALID_INPUT' && error.issues?.[0]) {
    const [section, index, name] = error.issues[0].path;
    const row = typeof index === 'number' ? s.members[index] : undefined;
    if (section === 'household' && row) field = name === 'name' ? fieldId.memberName(row.key) : fieldId.memberId(row.key);
    if (section === 'homePhone') field = fieldId.homePhone;
  }
  // The member's name leads the message where the core could only give the row.
  const who = member?.name.trim() ? t('files.draftChecks.rowNamed', { row: params.row as number, name: member.name.trim() }) : null;
  const worded = who && error.code === 'INVALID_ID_NUMBER' ? t('files.draftChecks.named', { what: who, problem: message }) : message;
  return { field: field ?? '', short: worded, message: worded };
}
