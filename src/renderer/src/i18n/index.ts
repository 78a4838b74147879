/**
 * A deliberately tiny i18n: nested catalogues, `{param}` interpolation, a typed key union, and the language kept
 * in localStorage. Components call `useT()` so that they re-render when the language changes.
 */
import { useSyncExternalStore } from 'react';
import type { AuditSummary } from '@shared/audit-events';
import { en } from './en';
import { zhCN } from './zh-CN';

/** The shape every catalogue must have: zh-CN's keys, string leaves. */
export type Catalogue = typeof zhCN;
export type Language = 'zh-CN' | 'en';
export const LANGUAGES: Language[] = ['zh-CN', 'en'];

type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}`;
}[keyof T & string];
/** Every message key, e.g. 'users.create'. Action labels are keyed by channel names and read by actionLabel(). */
export type MessageKey = Leaves<Omit<Catalogue, 'actions' | 'auditEvents'>>;
export type MessageParams = Record<string, string | number>;

const CATALOGUES: Record<Language, Catalogue> = { 'zh-CN': zhCN, en };
const STORAGE_KEY = 'bangfu.language';

function storedLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

let language: Language = storedLanguage();
const listeners = new Set<() => void>();

export function getLanguage(): Language {
  return language;
}

export function setLanguage(next: Language): void {
  if (next === language) return;
  language = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function lookup(catalogue: Catalogue, key: string): string | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : undefined;
}

export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(key: MessageKey, params?: MessageParams): string {
  return interpolate(lookup(CATALOGUES[language], key) ?? key, params);
}

/**
 * The catalogue's text for a key built from a code (`recordTypes.${code}`), or null when the catalogue has none: a
 * code this version does not know. (t() would answer with the key itself.)
 */
export function knownText(key: string): string | null {
  return lookup(CATALOGUES[language], key) ?? null;
}

/** The label of an audit action (a channel name); unknown actions show as they are. */
export function actionLabel(action: string): string {
  const labels: Partial<Record<string, string>> = CATALOGUES[language].actions;
  return labels[action] ?? action;
}

/** One parameter of an audit summary in words: coded values get their labels; unknown codes show as they are. */
function auditParamText(catalogue: Catalogue, event: AuditSummary['event'], name: string, value: string | number): string | number {
  const label = (section: Partial<Record<string, string>>) => section[String(value)] ?? value;
  if (event === 'member.statusChanged' && (name === 'from' || name === 'to')) return label(catalogue.memberStatuses);
  if (event === 'member.updated' && name === 'fields') {
    const fields: Partial<Record<string, string>> = catalogue.memberFields;
    const names = String(value)
      .split(',')
      .map((field) => fields[field.trim()] ?? field.trim());
    return [...new Set(names)].join(language === 'en' ? ', ' : '、');
  }
  if (event === 'org.settingsChanged' && name === 'fields') {
    const fields: Partial<Record<string, string>> = catalogue.orgSettingFields;
    const names = String(value)
      .split(',')
      .filter((field) => field.trim())
      .map((field) => fields[field.trim()] ?? field.trim());
    return names.length ? names.join(language === 'en' ? ', ' : '、') : catalogue.orgSettingFields.none;
  }
  if (event === 'file.printed' && name === 'document') return label(catalogue.printedDocuments);
  if (event.startsWith('unit.') && name === 'kind') return label(catalogue.unitKinds);
  if (event.startsWith('policy.') && name === 'key') return label(catalogue.policyKeys);
  if (event === 'policy.daySet' && name === 'kind') return label(catalogue.calendarDayKinds);
  if (event === 'file.action' && name === 'action') return label(catalogue.fileActions);
  if (event === 'file.action' && (name === 'from' || name === 'to')) return label(catalogue.fileStatuses);
  if (event === 'fileImport.decided' && name === 'decision')
    return (catalogue.fileActions as Partial<Record<string, string>>)[`${value}Import`] ?? value;
  if (event.startsWith('exchange.') && (name === 'kind' || name === 'outcome')) return label(catalogue.batchAuditWords);
  if (event.startsWith('aid.') && name === 'type') return label(catalogue.aidTypes);
  if (event.startsWith('aid.') && name === 'method') return label(catalogue.paymentMethods);
  if (event === 'aid.programStatusSet' && name === 'status') return label(catalogue.programStatuses);
  if (event.startsWith('aid.') && (name === 'created' || name === 'adjusted' || name === 'reprint')) return label(catalogue.yesNo);
  if (event === 'aid.paymentCreated' && name === 'route') return label(catalogue.aidRoutes);
  if (event === 'aid.vouchersPrinted' && name === 'layout') return label(catalogue.voucherLayouts);
  if (event.startsWith('audit.alarm') && name === 'kind') return label(catalogue.auditAlarmKinds);
  if (event === 'audit.alarmRaised' && name === 'when') return label(catalogue.auditCheckMoments);
  if (name === 'role' || name === 'from' || name === 'to') return label(catalogue.roles);
  if (event === 'org.signingKeyCreated' && name === 'when') return label(catalogue.signingKeyMoments);
  if (event === 'org.keyCardExported' && name === 'as') return label(catalogue.keyCardForms);
  if (event === 'org.exchangeKeyCreated' && name === 'when') return label(catalogue.signingKeyMoments);
  if (event.startsWith('exchange.') && name === 'change') return label(catalogue.peerChanges);
  if (event === 'exchange.peerWithdrawn' && name === 'status') return label(catalogue.peerStatuses);
  if (event === 'exchangeImport.refused' && name === 'reason') return label(catalogue.batchRefusalNames);
  if (event === 'reports.exported' && name === 'format') return label(catalogue.reportFormats);
  if (event === 'reports.exported' && name === 'centre') {
    const centre = value === 'all' ? catalogue.reportCentres.all : interpolate(catalogue.reportCentres.one, { code: value });
    return language === 'zh-CN' ? `，${centre}` : `, ${centre}`;
  }
  if (event.startsWith('compare.') && name === 'kind') return label(catalogue.compareKinds);
  if (name === 'mode') return label(catalogue.modes);
  return value;
}

/** An audit entry's summary in words. */
export function auditSummaryText(summary: AuditSummary): string {
  const catalogue = CATALOGUES[language];
  const template: string | undefined = (catalogue.auditEvents as Partial<Record<string, string>>)[summary.event];
  if (!template) return summary.event;
  const params: MessageParams = {};
  // Entries written before the settings' names were logged say so rather than show a placeholder.
  if (summary.event === 'org.settingsChanged' && !('fields' in summary.params)) params.fields = catalogue.orgSettingFields.unknown;
  // A centre's export counts its own records: no centre is named.
  if (summary.event === 'reports.exported') params.centre = '';
  for (const [name, value] of Object.entries(summary.params)) params[name] = auditParamText(catalogue, summary.event, name, value);
  return interpolate(template, params);
}

/**
 * An audit entry's action in words. A unit created on the way (a member saved or a roster imported that names a new
 * unit) says so, rather than stand under the member's action as if it were one.
 */
export function auditActionText(entry: { action: string; summary: AuditSummary }): string {
  const catalogue = CATALOGUES[language];
  if (entry.summary.event !== 'unit.created') return actionLabel(entry.action);
  const kind = auditParamText(catalogue, 'unit.created', 'kind', entry.summary.params.kind ?? '');
  return interpolate(catalogue.unitCreatedAction, { kind, action: actionLabel(entry.action) });
}

/** Subscribes the calling component to language changes and returns `t`. */
export function useT(): typeof t {
  useSyncExternalStore(subscribe, getLanguage);
  return t;
}

export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, getLanguage);
}

document.documentElement.lang = language;
