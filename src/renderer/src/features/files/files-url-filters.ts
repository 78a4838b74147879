import { FILE_FLAGS } from '@shared/contract/hardship';
import { FILE_STATUSES, type FileStatus } from '@shared/domain/hardship-lifecycle';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';

type FileFlag = (typeof FILE_FLAGS)[number];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The files list's filters a link may carry (/files?status=draft&mine=1, /files?flag=visitExpired: the home page's
 * to-dos): read once, when the list opens; a value the list does not know is left out.
 */
export function filesFiltersFromUrl(params: URLSearchParams): {
  status?: FileStatus;
  category?: HardshipCategory;
  flag?: FileFlag;
  mine?: boolean;
} {
  const status = oneOf(FILE_STATUSES, params.get('status'));
  const category = oneOf(HARDSHIP_CATEGORIES, params.get('category'));
  const flag = oneOf(FILE_FLAGS, params.get('flag'));
  return {
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(flag ? { flag } : {}),
    ...(params.get('mine') === '1' ? { mine: true } : {}),
  };
}
