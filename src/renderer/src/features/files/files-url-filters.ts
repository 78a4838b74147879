import { FILE_FLAGS } from '@shared/contract/hardship';
import { CAUSES, type Cause } from '@shared/domain/hardship-codes';
import { FILE_STATUSES, type FileStatus } from '@shared/domain/hardship-lifecycle';
import { HARDSHIP_CATEGORIES, type HardshipCategory } from '@shared/domain/means-test';

type FileFlag = (typeof FILE_FLAGS)[number];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The files list's filters a link may carry (/files?status=draft&mine=1, /files?flag=visitExpired: the home page's
 * to-dos; /files?status=inForce&category=deep, /files?status=inForce&cause=6: the director's charts): read once, when
 * the list opens; a value the list does not know is left out. status=inForce is the files in force (在档 and 复核中).
 */
export function filesFiltersFromUrl(params: URLSearchParams): {
  status?: FileStatus | 'inForce';
  mainCause?: Cause | 'none';
  category?: HardshipCategory;
  flag?: FileFlag;
  mine?: boolean;
} {
  const status = oneOf([...FILE_STATUSES, 'inForce'] as const, params.get('status'));
  const mainCause = oneOf([...CAUSES, 'none'] as const, params.get('cause'));
  const category = oneOf(HARDSHIP_CATEGORIES, params.get('category'));
  const flag = oneOf(FILE_FLAGS, params.get('flag'));
  return {
    ...(status ? { status } : {}),
    ...(category ? { category } : {}),
    ...(mainCause ? { mainCause } : {}),
    ...(flag ? { flag } : {}),
    ...(params.get('mine') === '1' ? { mine: true } : {}),
  };
}
