import { createHmac, randomBytes } from 'node:crypto';
import { contract } from '@shared/contract';
import { classifyMemberQuery, type MemberQuery } from '@shared/domain/member-search';
import { AppError } from '@shared/errors';
import { roleAllows, type Role } from '@shared/roles';
import { localDate } from '../../clock';
import type { CallContext, CoreState } from '../../context';

/**
 * Who may search the roster by which part of an ID number (docs/architecture.md §5). The roles that may reveal a
 * full number (roster.revealId, logged) search as before; the others by a whole number or the 4 characters the mask
 * shows (classifyMemberQuery). A whole number is still an oracle: it answers whether a guessed number is on the
 * roster. The masked view leaves 32–35 candidates a member (maskedIdView), so a role without reveal gets
 * WHOLE_ID_SEARCHES_PER_DAY distinct numbers a day — a desk looks up a handful of people a day; trying out a
 * member's candidates takes days and cannot go unnoticed by the person beside them.
 */
export const WHOLE_ID_SEARCHES_PER_DAY = 10;

const REVEAL_ACCESS = contract['roster.revealId'].access as Role;

export function mayRevealIds(ctx: CallContext): boolean {
  return ctx.user !== null && roleAllows(ctx.user.role, REVEAL_ACCESS);
}

/**
 * Per core, per user: the day and the numbers searched whole on it. The numbers are kept as HMACs under a key made
 * when the program starts: an ID number has too few possible values for a plain hash to hide it from a memory dump.
 */
const SEARCH_HASH_KEY = randomBytes(32);
const searchedToday = new WeakMap<CoreState, Map<string, { day: string; hashes: Set<string> }>>();

function spendWholeIdSearch(ctx: CallContext, idNumber: string): void {
  const byUser = searchedToday.get(ctx.core) ?? new Map<string, { day: string; hashes: Set<string> }>();
  searchedToday.set(ctx.core, byUser);
  const day = localDate(ctx.clock);
  const userId = ctx.user!.id;
  let spent = byUser.get(userId);
  if (!spent || spent.day !== day) byUser.set(userId, (spent = { day, hashes: new Set() }));
  const hash = createHmac('sha256', SEARCH_HASH_KEY).update(idNumber).digest('base64');
  // The same number again (a list reloaded, the way back to it) costs nothing: only new guesses count.
  if (spent.hashes.has(hash)) return;
  if (spent.hashes.size >= WHOLE_ID_SEARCHES_PER_DAY) throw new AppError('ID_SEARCH_LIMIT', { limit: WHOLE_ID_SEARCHES_PER_DAY });
  spent.hashes.add(hash);
}

/** How the caller's search box text is read, by their role; a whole ID from a role without reveal is counted. */
export function memberQueryFor(ctx: CallContext, raw: string): MemberQuery {
  const mayReveal = mayRevealIds(ctx);
  const query = classifyMemberQuery(raw, { mayRevealIds: mayReveal });
  if (query.kind === 'id-whole' && !mayReveal) spendWholeIdSearch(ctx, query.text);
  return query;
}
