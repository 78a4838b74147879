import { toHalfWidth } from '@shared/domain/half-width';
import type { MemberQuery } from '@shared/domain/member-search';
import type { CallContext } from '../../context';
import { memberQueryFor } from '../roster/id-search-policy';

/**
 * The file list's search box, read as the roster's (classifyMemberQuery, by the caller's role: a role without
 * roster.revealId finds by the 4 characters the mask shows or a whole number, counted), about the file's head:
 * - part of the name (any characters; a file list is tens of thousands of rows, read whole), or of the head's unit;
 * - pinyin or initials: the head as the roster knows them (by ID number). A head who is not on the roster has no
 *   pinyin kept, so is found by name, ID or file number only;
 * - the ID number's tail, whole (the head, or anyone in the household) or start (roles that may reveal);
 * - the last 4 digits of the head's phone on the roster (members_phone_tail), or the start of a mobile number;
 * - the file number: typed whole or its end (digits: 00012, 202600012).
 */
export interface FileSearch {
  kind: MemberQuery['kind'];
  /** A condition on `f` (hardship_files) with its parameters, or null for "all". */
  clause: string | null;
  params: Record<string, string>;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The head as a roster member matching `condition` on `m`. */
const headOnRoster = (condition: string) =>
  `f.head_id_number IN (SELECT m.id_number FROM members m WHERE m.deleted_at IS NULL AND ${condition})`;

const UNIT_NAMED = `unhex(replace(f.member_id, '-', '')) IN (SELECT m.id FROM members m WHERE m.deleted_at IS NULL AND m.unit_ref IN
  (SELECT ref FROM units WHERE kind = 'employer' AND deleted_at IS NULL AND name LIKE @like ESCAPE '\\'))`;

/** Digits that may be a file number or its end: numbers are region (6) + year (4) + sequence (5). */
const FILE_NO_PART = /^\d{4,15}$/;

export function fileSearch(ctx: CallContext, raw: string): FileSearch {
  const q = memberQueryFor(ctx, raw);
  const compact = toHalfWidth(raw).replace(/[\s-]/g, '');
  const params: Record<string, string> = {};
  const any: string[] = [];
  switch (q.kind) {
    case 'all':
      return { kind: 'all', clause: null, params };
    case 'name':
      params.like = `%${likeEscape(q.text)}%`;
      any.push("f.head_name LIKE @like ESCAPE '\\'", UNIT_NAMED);
      break;
    case 'pinyin':
      params.from = q.text;
      params.to = `${q.text}{`; // '{' sorts right after 'z': [from, to) is "starts with"
      any.push(headOnRoster('((m.name_initials >= @from AND m.name_initials < @to) OR (m.name_pinyin >= @from AND m.name_pinyin < @to))'));
      break;
    case 'id-suffix':
      params.tail = q.text.slice(-4);
      params.idLike = `%${q.text}`;
      any.push('(substr(f.head_id_number, 15) = @tail AND f.head_id_number LIKE @idLike)');
      // Four digits are also a phone's end (the roster reads them so too).
      if (/^\d{4}$/.test(q.text)) any.push(headOnRoster('m.phone IS NOT NULL AND substr(m.phone, -4) = @tail'));
      break;
    case 'id-whole':
      params.idNumber = q.text;
      any.push(
        'f.head_id_number = @idNumber',
        'f.id IN (SELECT h.file_id FROM file_household h WHERE h.id_number = @idNumber AND h.deleted_at IS NULL)',
      );
      break;
    case 'id-prefix':
      params.from = q.text;
      params.to = `${q.text}Z`; // 'Z' sorts after every digit and 'X'
      any.push('(f.head_id_number >= @from AND f.head_id_number < @to)');
      break;
    case 'id-partial':
      break; // no ID condition (member-search.ts); a file number may still answer
    case 'phone':
      params.from = q.text;
      params.to = `${q.text}Z`;
      any.push(headOnRoster('m.phone >= @from AND m.phone < @to'));
      break;
    case 'text':
      params.text = q.text;
      params.like = `%${likeEscape(q.text)}%`;
      any.push('f.file_no = @text', UNIT_NAMED);
      break;
  }
  if (FILE_NO_PART.test(compact)) {
    params.fileNoEnd = `%${compact}`;
    any.push('f.file_no LIKE @fileNoEnd');
  }
  return { kind: q.kind, clause: any.length ? `(${any.join(' OR ')})` : '0', params };
}
