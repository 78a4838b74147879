import { describe, expect, it } from 'vitest';
import { filesFiltersFromUrl } from '../../src/renderer/src/features/files/files-url-filters';

/** The home page's links open the files list filtered: the list reads what it knows from the link, nothing else. */
describe('files list filters from a link', () => {
  it.each([
    ['status=draft&mine=1', { status: 'draft', mine: true }],
    ['flag=visitExpired', { flag: 'visitExpired' }],
    ['flag=awaitingVisit&category=deep', { flag: 'awaitingVisit', category: 'deep' }],
    ['status=approval&mine=0', { status: 'approval' }],
    // The director's charts: the files in force, of a category or a main cause (or none recorded).
    ['status=inForce&category=deep', { status: 'inForce', category: 'deep' }],
    ['status=inForce&cause=6', { status: 'inForce', mainCause: '6' }],
    ['status=inForce&cause=none', { status: 'inForce', mainCause: 'none' }],
    ['cause=11', {}],
    ['status=nonsense&flag=DROP&category=', {}],
    ['', {}],
  ])('%s', (search, filters) => {
    expect(filesFiltersFromUrl(new URLSearchParams(search))).toEqual(filters);
  });
});
