/** The clerk-facing message for an error from the core, with its parameters filled in. */
import type { IdProblem } from '@shared/domain/id-number';
import type { PasswordProblem } from '@shared/domain/password';
import type { AppErrorShape, ErrorCode, ValidationIssue } from '@shared/errors';
import { formatBytes } from '../components/format';
import { aidErrorMessage } from './aid-errors';
import { getLanguage, knownText, t, type MessageKey } from './index';

// Fails the type check if an error code has no message in the catalogue.
const errorKey = (code: ErrorCode): MessageKey => `errors.${code}`;

const PASSWORD_PROBLEMS: readonly PasswordProblem[] = ['too-short', 'too-simple', 'same-as-username'];

const ID_PROBLEMS: readonly IdProblem[] = [
  'EMPTY',
  'STORED_AS_NUMBER',
  'BAD_LENGTH',
  'BAD_CHARACTERS',
  'BAD_CHECKSUM',
  'BAD_BIRTH_DATE',
  'BAD_REGION_FORMAT',
];

export function idProblemMessage(problem: IdProblem): string {
  return t(`idProblems.${problem}`);
}

export function passwordProblemMessage(problem: PasswordProblem): string {
  return t(`passwordProblems.${problem}`);
}

function fieldLabel(path: (string | number)[]): string {
  // The last named segment is the field ('admin.password' → password); array indexes are not field names.
  const name = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (!name) return path.join('.');
  return knownText(`fields.${name}`) ?? name;
}

const DATE_ISSUES = { BAD_DATE: 'dateBad', FUTURE: 'dateFuture' } as const;

/** A refused date says which date and why (入会日期不能晚于今天); other fields are listed by name. */
function invalidInputMessage(issues: ValidationIssue[]): string {
  const en = getLanguage() === 'en';
  const sentences: string[] = [];
  const others: string[] = [];
  for (const issue of issues) {
    const dateKey = DATE_ISSUES[issue.message as keyof typeof DATE_ISSUES];
    const field = fieldLabel(issue.path);
    if (dateKey) sentences.push(t(`errorDetails.${dateKey}`, { field }));
    else if (!others.includes(field)) others.push(field);
  }
  if (others.length > 0) sentences.push(t('errorDetails.invalidFields', { fields: others.join(en ? ', ' : '、') }));
  return [...new Set(sentences)].join(en ? ' ' : '');
}

export function errorMessage(error: AppErrorShape): string {
  const params = error.params ?? {};
  const aid = error.code.startsWith('AID_') ? aidErrorMessage(error) : null;
  if (aid !== null) return aid;
  switch (error.code) {
    case 'BAD_CREDENTIALS':
      if (typeof params.remaining === 'number') return t('errorDetails.badCredentialsRemaining', { remaining: params.remaining });
      break;
    case 'ACCOUNT_LOCKED':
      if (typeof params.minutes === 'number') return t('errorDetails.accountLockedMinutes', { minutes: params.minutes });
      break;
    case 'INTERNAL':
      if (error.ref) return t('errorDetails.internalWithRef', { ref: error.ref });
      break;
    case 'PASSWORD_TOO_WEAK': {
      const problem = PASSWORD_PROBLEMS.find((p) => p === params.problem);
      if (problem) return passwordProblemMessage(problem);
      break;
    }
    case 'INVALID_ID_NUMBER': {
      const problem = ID_PROBLEMS.find((p) => p === params.problem);
      if (problem) return t('errorDetails.invalidIdNumberProblem', { problem: idProblemMessage(problem) });
      break;
    }
    case 'REPORT_AS_OF_BEFORE_PERIOD':
      if (typeof params.from === 'string') return t(errorKey(error.code), { from: params.from });
      break;
    case 'INVALID_INPUT':
      if (error.issues?.length) return invalidInputMessage(error.issues);
      break;
    case 'AID_NO_BANK_ACCOUNT':
      if (typeof params.count === 'number') return t('errorDetails.aidNoBankAccountCount', { count: params.count });
      break;
    case 'DB_TOO_NEW':
      if (params.databaseVersion !== undefined && params.programVersion !== undefined) {
        return t('errorDetails.dbTooNewVersions', {
          databaseVersion: String(params.databaseVersion),
          programVersion: String(params.programVersion),
        });
      }
      break;
    case 'MISSING_GLYPHS': {
      const chars = Array.isArray(params.chars) ? params.chars.join(' ') : params.chars;
      if (typeof chars === 'string' && chars) return t('errorDetails.missingGlyphsChars', { chars });
      break;
    }
    case 'FILE_TOO_LARGE':
      if (typeof params.maxBytes === 'number') return t('errorDetails.fileTooLargeMax', { max: formatBytes(params.maxBytes) });
      break;
    case 'ATTACHMENT_INVALID': {
      const key = ({ TOO_LARGE: 'attachmentTooLarge', TYPE: 'attachmentType', NOT_IMAGE: 'attachmentNotImage' } as const)[
        params.problem as 'TYPE'
      ];
      if (key && typeof params.fileName === 'string') return t(`errorDetails.${key}`, { fileName: params.fileName });
      break;
    }
    case 'FILE_IMPORT_INVALID':
      if (params.problems === 0 && params.missingColumns === 0) return t('errorDetails.fileImportEmpty');
      break;
    case 'FILE_IMPORT_BLOCKED':
      if (Array.isArray(params.blockers) && params.blockers.length > 0) {
        const row = Number(params.row ?? 0);
        const reasons = params.blockers.map((code) => t(`fileBlockers.${code as 'ROLE'}`, { row, needs: t('roles.reviewer') }));
        return t('errorDetails.fileImportBlocked', { reasons: reasons.join(getLanguage() === 'en' ? '; ' : '；') });
      }
      break;
    case 'FILE_DRAFT_INVALID': {
      const key = (
        {
          HEAD: 'draftHead',
          DUPLICATE_ID: 'draftDuplicateId',
          SPOUSE_TWICE: 'draftSpouseTwice',
          CAUSES: 'draftCauses',
          ID_REQUIRED: 'draftIdRequired',
          HOME_PHONE: 'draftHomePhone',
          CONTACT_PHONE: 'draftContactPhone',
        } as const
      )[params.problem as 'HEAD'];
      if (key)
        return t(`errorDetails.${key}`, {
          row: Number(params.row ?? 0),
          firstRow: Number(params.firstRow ?? 0),
          contact: Number(params.contact ?? 0),
        });
      break;
    }
    case 'VISIT_INVALID': {
      const key = (
        { TWO_VISITORS: 'visitTwoVisitors', SIX_ITEMS: 'visitSixItems', FUTURE_DATE: 'visitFutureDate', OCCASION: 'visitOccasion' } as const
      )[params.problem as 'OCCASION'];
      if (key) return t(`errorDetails.${key}`);
      break;
    }
    // Key cards: the other office's mode in words, or its name (features/exchange).
    case 'KEY_CARD_WRONG_MODE': {
      const mode = knownText(`modes.${String(params.mode)}`);
      if (mode !== null) return t('errors.KEY_CARD_WRONG_MODE', { mode });
      break;
    }
    case 'KEY_CARD_OTHER_FEDERATION':
    case 'KEY_CARD_KEY_CHANGED':
    case 'KEY_CARD_RETIRED':
      if (typeof params.name === 'string') return t(errorKey(error.code), { name: params.name });
      break;
    case 'NOT_FOUND':
      if (typeof params.record === 'string') {
        const record = knownText(`recordTypes.${params.record}`);
        if (record !== null) return t('errorDetails.notFoundRecord', { record });
      }
      break;
  }
  return t(errorKey(error.code));
}
