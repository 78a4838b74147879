import type { AidSuggestion } from '@shared/contract/aid-types';
import type { StandardBasis } from '@shared/domain/aid';
import { formatYuan } from '../../components/money';
import type { t as translate } from '../../i18n';

type T = typeof translate;

/**
 * An amount inside an explanation sentence: whole yuan without ".00" ("¥9,400", as the issue words it), fen kept when
 * there are any ("¥940.50"). Tables and forms keep formatYuan's two decimals.
 */
export function shortYuan(fen: number): string {
  const text = formatYuan(fen);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** 12.5 → "12.5", 50 → "50": a percent as the program's standard holds it. */
function percentText(percent: number): string {
  return String(Math.round(percent * 100) / 100);
}

/** Why the standard gives what it gives, in words ("深度困难，本地低保 ¥940/月 × 10 = ¥9,400"). */
export function basisText(t: T, basis: StandardBasis): string {
  const y = shortYuan;
  switch (basis.rule) {
    case 'fixed':
      return basis.category
        ? t('aidBasis.fixedCategory', { category: t(`hardshipCategories.${basis.category}`), amount: y(basis.amountFen) })
        : t('aidBasis.fixed', { amount: y(basis.amountFen) });
    case 'lowLineMonths':
      return t('aidBasis.lowLineMonths', {
        category: t(`hardshipCategories.${basis.category}`),
        line: y(basis.lowLineFen),
        months: basis.months,
        amount: y(basis.amountFen),
      });
    case 'billShare':
    case 'lossShare': {
      const params = { base: y(basis.baseFen), percent: percentText(basis.percent), share: y(basis.shareFen) };
      const head =
        basis.rule === 'billShare'
          ? t('aidBasis.billShare', { ...params, category: t(`hardshipCategories.${basis.category}`) })
          : t('aidBasis.lossShare', params);
      return basis.shareFen > basis.capFen ? `${head}${t('aidBasis.shareCapped', { cap: y(basis.capFen) })}` : head;
    }
    case 'perStudent':
      return t('aidBasis.perStudent', { stage: t(`schoolStages.${basis.schoolStage}`), amount: y(basis.amountFen) });
    case 'emergency':
      return t('aidBasis.emergency', { amount: y(basis.amountFen) });
    case 'service':
      return t('aidBasis.service');
  }
}

/** How the suggestion's caps were counted: by the household's file, or (the emergency route) by the typed ID number. */
export interface SuggestionTextOptions {
  /**
   * The emergency route with a valid ID number: every earlier payment counted went to that ID number as 临时救助
   * (suggestion.ts counts payments without a file), so the program's, the type's and the year's sums are said once:
   * "本年已向该身份证号发放临时救助 ¥300，本次最多 ¥200".
   */
  byIdNumber?: boolean;
  /**
   * A batch row whose household this program already paid this year (the standard is per program and year): its
   * most is worded as the top-up it is, "本项目已发 ¥300，本次补足 ¥200".
   */
  topUp?: boolean;
}

/** The emergency route's clauses: what the ID number received, the cap that decided when it is not the standard. */
function idClauses(t: T, suggestion: AidSuggestion, standardFen: number | null): string[] {
  const y = shortYuan;
  const clauses: string[] = [];
  const counted = suggestion.lines.filter((l) => l.cap !== 'budget');
  const used = Math.max(0, ...counted.map((l) => l.usedFen));
  const limiting = counted.find((l) => l.cap === suggestion.limitedBy && l.cap !== 'standard');
  const suffix = limiting && limiting.limitFen !== standardFen ? t('aidBasis.limitSuffix', { limit: y(limiting.limitFen) }) : '';
  if (used > 0) clauses.push(`${t('aidBasis.usedById', { used: y(used) })}${suffix}`);
  else if (limiting)
    clauses.push(
      limiting.cap === 'typeYear'
        ? t('aidBasis.typeLimit', { type: t('aidTypes.emergency'), limit: y(limiting.limitFen) })
        : t('aidBasis.totalLimit', { limit: y(limiting.limitFen) }),
    );
  const budget = suggestion.lines.find((l) => l.cap === 'budget');
  if (budget && suggestion.overBudget) clauses.push(t('aidBasis.budgetLeft', { left: y(budget.leftFen) }));
  return clauses;
}

/** The limits that matter for this payment: what was already paid, the cap that decided, the budget if short. */
function capClauses(t: T, suggestion: AidSuggestion, standardFen: number | null, options: SuggestionTextOptions): string[] {
  if (options.byIdNumber) return idClauses(t, suggestion, standardFen);
  const y = shortYuan;
  const clauses: string[] = [];
  for (const line of suggestion.lines) {
    const limiting = suggestion.limitedBy === line.cap;
    if (line.cap === 'standard') {
      if (line.usedFen > 0) clauses.push(t('aidBasis.usedInProgram', { used: y(line.usedFen) }));
    } else if (line.cap === 'typeYear' || line.cap === 'totalYear') {
      const type = line.type ? t(`aidTypes.${line.type}`) : '';
      if (line.usedFen > 0) {
        const used =
          line.cap === 'typeYear'
            ? t('aidBasis.usedType', { type, used: y(line.usedFen) })
            : t('aidBasis.usedTotal', { used: y(line.usedFen) });
        // The cap itself is named only when it is not the standard's own sum (which the sentence already says).
        const suffix = limiting && line.limitFen !== standardFen ? t('aidBasis.limitSuffix', { limit: y(line.limitFen) }) : '';
        clauses.push(`${used}${suffix}`);
      } else if (limiting) {
        clauses.push(
          line.cap === 'typeYear'
            ? t('aidBasis.typeLimit', { type, limit: y(line.limitFen) })
            : t('aidBasis.totalLimit', { limit: y(line.limitFen) }),
        );
      }
    } else if (suggestion.overBudget) {
      clauses.push(t('aidBasis.budgetLeft', { left: y(line.leftFen) }));
    }
  }
  return clauses;
}

/**
 * A suggestion in words, as the issue shows it: the standard's reason, then what the year's caps leave —
 * "深度困难，本地低保 ¥940/月 × 10 = ¥9,400；本年已发生活救助 ¥3,000，本次最多 ¥6,400". An ineligible household gets
 * the reason it cannot be paid (after the standard's reason when the caps are what stops it).
 */
export function suggestionText(t: T, suggestion: AidSuggestion, options: SuggestionTextOptions = {}): string {
  const basis = suggestion.basis as StandardBasis | null;
  const parts: string[] = [];
  if (basis) parts.push(basisText(t, basis));
  const clauses = capClauses(t, suggestion, basis?.amountFen ?? null, options);
  if (!suggestion.eligible) {
    if (suggestion.reason) clauses.push(t(`aidIneligible.${suggestion.reason}`));
  } else if (basis && basis.rule !== 'service' && (clauses.length > 0 || suggestion.maxFen !== basis.amountFen)) {
    // The standard decides (no yearly cap): what is left of it is a top-up.
    const topUp = options.topUp && suggestion.limitedBy === null;
    clauses.push(t(topUp ? 'aidBasis.topUp' : 'aidBasis.max', { amount: shortYuan(suggestion.maxFen) }));
    if (suggestion.suggestedFen < suggestion.maxFen)
      clauses.push(t('aidBasis.withinBudget', { amount: shortYuan(suggestion.suggestedFen) }));
  }
  if (clauses.length > 0) parts.push(clauses.join(t('aidBasis.clauseJoin')));
  return parts.join(t('aidBasis.partJoin'));
}
