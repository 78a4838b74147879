/**
 * The roster's search, filters, sort and page live in the address (#/roster?q=…&unit=…), so that coming back from
 * a member's page shows the same list. Typing and filtering replace the address; only paging adds to the history.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { MEMBER_STATUSES, type MemberStatus } from '@shared/contract/roster';

export type RosterSort = 'name' | 'joinedOn';

export interface RosterFilters {
  query: string;
  unitId: string;
  unionId: string;
  status: MemberStatus | '';
  sort: RosterSort;
  page: number;
}

export const NO_ROSTER_FILTERS: RosterFilters = { query: '', unitId: '', unionId: '', status: '', sort: 'name', page: 1 };

const PARAM: Record<keyof RosterFilters, string> = {
  query: 'q',
  unitId: 'unit',
  unionId: 'union',
  status: 'status',
  sort: 'sort',
  page: 'page',
};

function readFilters(params: URLSearchParams): RosterFilters {
  const status = params.get(PARAM.status) ?? '';
  const page = Number(params.get(PARAM.page));
  return {
    query: params.get(PARAM.query) ?? '',
    unitId: params.get(PARAM.unitId) ?? '',
    unionId: params.get(PARAM.unionId) ?? '',
    status: MEMBER_STATUSES.find((s) => s === status) ?? '',
    sort: params.get(PARAM.sort) === 'joinedOn' ? 'joinedOn' : 'name',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function writeFilters(filters: RosterFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof RosterFilters)[]) {
    if (filters[key] !== NO_ROSTER_FILTERS[key]) params.set(PARAM[key], String(filters[key]));
  }
  return params;
}

/** What the filters select, as the roster's search, export and print take it (the page aside). */
export function selectionOf(filters: RosterFilters) {
  return {
    query: filters.query,
    unitId: filters.unitId || undefined,
    unionId: filters.unionId || undefined,
    status: filters.status || undefined,
    sort: filters.sort,
  };
}

export function hasActiveFilters(filters: RosterFilters): boolean {
  return Boolean(filters.query.trim() || filters.unitId || filters.unionId || filters.status);
}

/** The current filters, and a setter: any change other than the page goes back to page 1. */
export function useRosterFilters(): [RosterFilters, (changes: Partial<RosterFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const change = useCallback(
    (changes: Partial<RosterFilters>) => {
      setParams(
        (previous) => {
          const next = { ...readFilters(previous), ...changes };
          if (!('page' in changes)) next.page = 1;
          return writeFilters(next);
        },
        { replace: !('page' in changes) },
      );
    },
    [setParams],
  );
  return [filters, change];
}
