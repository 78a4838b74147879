import type { ChannelInput } from '@shared/contract';
import type { AidStandard, AidType, FundSource } from '@shared/domain/aid';
import { STANDARD_KIND } from '@shared/domain/aid';
import { SCHOOL_STAGES } from '@shared/domain/hardship-codes';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';
import type { ProgramItem } from '@shared/contract/aid-types';
import { formatYuan, parseYuan } from '../../components/money';
import type { t as translate } from '../../i18n';

type T = typeof translate;
type SchoolStage = (typeof SCHOOL_STAGES)[number];
type ByCategory = Record<HardshipCategory, string>;

/** The program dialog's fields as typed: amounts in yuan, months and percents as text; read into fen on saving. */
export interface ProgramFormValues {
  type: AidType;
  name: string;
  year: string;
  fundSource: FundSource;
  /** Empty: no budget set. */
  budget: string;
  note: string;
  /** 送温暖's sum per household; 临时救助's cap. */
  amount: string;
  /** 送温暖: another sum for a category (empty: the general sum). */
  amountByCategory: ByCategory;
  /** 生活救助: months of the 低保 line (empty: the category is not paid). */
  months: ByCategory;
  /** 医疗救助: percent and cap by category (both empty: not paid). */
  percentByCategory: ByCategory;
  capByCategory: ByCategory;
  byStage: Record<SchoolStage, string>;
  /** 意外救助. */
  percent: string;
  cap: string;
}

const byCategory = (fill: (c: HardshipCategory) => string = () => ''): ByCategory =>
  Object.fromEntries(HARDSHIP_CATEGORIES.map((c) => [c, fill(c)])) as ByCategory;
const yuanText = (fen: number | undefined) => (fen === undefined ? '' : formatYuan(fen).replaceAll(',', ''));

/** A new program's fields: 生活救助's months pre-filled as the issue says (deep 10, relative 8). */
export function emptyProgramForm(year: number): ProgramFormValues {
  return {
    type: 'festival',
    name: '',
    year: String(year),
    fundSource: 'union',
    budget: '',
    note: '',
    amount: '',
    amountByCategory: byCategory(),
    months: byCategory((c) => (c === 'deep' ? '10' : c === 'relative' ? '8' : '')),
    percentByCategory: byCategory(),
    capByCategory: byCategory(),
    byStage: Object.fromEntries(SCHOOL_STAGES.map((s) => [s, ''])) as Record<SchoolStage, string>,
    percent: '',
    cap: '',
  };
}

/** A saved program's fields for editing. */
export function programForm(program: ProgramItem): ProgramFormValues {
  const form = emptyProgramForm(program.year);
  form.type = program.type;
  form.name = program.name;
  form.fundSource = program.fundSource;
  form.budget = program.budgetFen === null ? '' : yuanText(program.budgetFen);
  form.note = program.note ?? '';
  const s = program.standard;
  switch (s.kind) {
    case 'fixed':
      form.amount = yuanText(s.amountFen);
      form.amountByCategory = byCategory((c) => yuanText(s.byCategory[c]));
      break;
    case 'lowLineMonths':
      form.months = byCategory((c) => (s.monthsByCategory[c] === undefined ? '' : String(s.monthsByCategory[c])));
      break;
    case 'billShare':
      form.percentByCategory = byCategory((c) => (s.byCategory[c] ? String(s.byCategory[c].percent) : ''));
      form.capByCategory = byCategory((c) => yuanText(s.byCategory[c]?.capFen));
      break;
    case 'perStudent':
      form.byStage = Object.fromEntries(SCHOOL_STAGES.map((st) => [st, yuanText(s.byStage[st])])) as Record<SchoolStage, string>;
      break;
    case 'lossShare':
      form.percent = String(s.percent);
      form.cap = yuanText(s.capFen);
      break;
    case 'emergency':
      form.amount = yuanText(s.capFen);
      break;
    case 'service':
      break;
  }
  return form;
}

/** A percent of 0.01 to 100 with at most two decimals, or null. */
export function parsePercent(text: string): number | null {
  const cleaned = text.trim().replace(/[%％]$/, '');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 0.01 && value <= 100 ? value : null;
}

function parseMonths(text: string): number | null {
  const cleaned = text.trim();
  if (!/^\d{1,2}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= 1 && value <= 24 ? value : null;
}

export interface ReadProgram {
  input: ChannelInput<'aid.saveProgram'> | null;
  /** What the form still needs, in words (FormActions' 还需要：…). */
  missing: string[];
}

/** The fields read into the channel's input (amounts in integer fen), or what is still missing. */
export function readProgramForm(t: T, f: ProgramFormValues, id: string | undefined): ReadProgram {
  const missing: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) missing.push(what);
  };
  const cat = (c: HardshipCategory) => t(`hardshipCategories.${c}`);
  need(f.name.trim().length >= 2, t('aidPrograms.missing.name'));
  const budgetFen = f.budget.trim() === '' ? null : parseYuan(f.budget);
  need(f.budget.trim() === '' || budgetFen !== null, t('aidPrograms.missing.budget'));

  let standard: AidStandard | null = null;
  switch (STANDARD_KIND[f.type]) {
    case 'fixed': {
      const amountFen = parseYuan(f.amount);
      need(amountFen !== null && amountFen > 0, t('aidPrograms.missing.amount'));
      const special: Partial<Record<HardshipCategory, number>> = {};
      for (const c of HARDSHIP_CATEGORIES) {
        if (f.amountByCategory[c].trim() === '') continue;
        const fen = parseYuan(f.amountByCategory[c]);
        if (fen === null) missing.push(t('aidPrograms.missing.categoryAmount', { category: cat(c) }));
        else special[c] = fen;
      }
      if (amountFen !== null) standard = { kind: 'fixed', amountFen, byCategory: special };
      break;
    }
    case 'lowLineMonths': {
      const monthsByCategory: Partial<Record<HardshipCategory, number>> = {};
      for (const c of HARDSHIP_CATEGORIES) {
        if (f.months[c].trim() === '') continue;
        const m = parseMonths(f.months[c]);
        if (m === null) missing.push(t('aidPrograms.missing.months', { category: cat(c) }));
        else monthsByCategory[c] = m;
      }
      need(Object.keys(monthsByCategory).length > 0, t('aidPrograms.missing.anyCategory'));
      standard = { kind: 'lowLineMonths', monthsByCategory };
      break;
    }
    case 'billShare': {
      const rules: Partial<Record<HardshipCategory, { percent: number; capFen: number }>> = {};
      for (const c of HARDSHIP_CATEGORIES) {
        if (f.percentByCategory[c].trim() === '' && f.capByCategory[c].trim() === '') continue;
        const percent = parsePercent(f.percentByCategory[c]);
        const capFen = parseYuan(f.capByCategory[c]);
        if (percent === null || capFen === null) missing.push(t('aidPrograms.missing.share', { category: cat(c) }));
        else rules[c] = { percent, capFen };
      }
      need(Object.keys(rules).length > 0, t('aidPrograms.missing.anyCategory'));
      standard = { kind: 'billShare', byCategory: rules };
      break;
    }
    case 'perStudent': {
      const byStage: Partial<Record<SchoolStage, number>> = {};
      for (const s of SCHOOL_STAGES) {
        if (f.byStage[s].trim() === '') continue;
        const fen = parseYuan(f.byStage[s]);
        if (fen === null) missing.push(t('aidPrograms.missing.stage', { stage: t(`schoolStages.${s}`) }));
        else byStage[s] = fen;
      }
      need(Object.keys(byStage).length > 0, t('aidPrograms.missing.anyStage'));
      standard = { kind: 'perStudent', byStage };
      break;
    }
    case 'lossShare': {
      const percent = parsePercent(f.percent);
      const capFen = parseYuan(f.cap);
      need(percent !== null, t('aidPrograms.missing.percent'));
      need(capFen !== null, t('aidPrograms.missing.cap'));
      if (percent !== null && capFen !== null) standard = { kind: 'lossShare', percent, capFen };
      break;
    }
    case 'emergency': {
      const capFen = parseYuan(f.amount);
      // Named as its field is labelled (每次最高金额), not 封顶金额.
      need(capFen !== null && capFen > 0, t('aidPrograms.missing.emergencyCap'));
      if (capFen !== null) standard = { kind: 'emergency', capFen };
      break;
    }
    case 'service':
      standard = { kind: 'service' };
      break;
  }
  if (missing.length > 0 || !standard) return { input: null, missing };
  return {
    input: {
      ...(id ? { id } : {}),
      type: f.type,
      name: f.name.trim(),
      year: Number(f.year),
      fundSource: f.fundSource,
      budgetFen,
      standard,
      note: f.note.trim() === '' ? null : f.note.trim(),
    },
    missing,
  };
}
