import { describe, expect, it } from 'vitest';
import { filesFilterOf, paymentsFilterOf } from '../../src/renderer/src/features/federation/centre-url-filters';
import { centrePageLink, federationLinks, fedHouseholdsLink } from '../../src/renderer/src/features/home/dashboard-links';

/**
 * A federation's home page links to a centre's read-only tabs with their filters in the search params: each link reads
 * back as the filter the number counts, and anything else in a link is left out.
 */
const CODE = '81110101MA0000001A';
const paramsOf = (link: string) => new URL(link, 'http://host').searchParams;

describe("a centre's tabs read their filters from a link", () => {
  it('reads back what the charts link to', () => {
    expect(filesFilterOf(paramsOf(fedHouseholdsLink(CODE)))).toEqual({ status: 'inForce' });
    expect(filesFilterOf(paramsOf(fedHouseholdsLink(CODE, { category: 'deep' })))).toEqual({ status: 'inForce', category: 'deep' });
    expect(filesFilterOf(paramsOf(fedHouseholdsLink(CODE, { cause: null })))).toEqual({ status: 'inForce', cause: 'none' });
    const links = federationLinks(CODE);
    expect(paymentsFilterOf(paramsOf(links.month(2026, 2, '2026-03-10', 'living')!))).toEqual({
      type: 'living',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(paymentsFilterOf(paramsOf(links.year(2026, '2026-03-10')!))).toEqual({ from: '2026-01-01', to: '2026-03-10' });
    const program = '0193d000-0000-7000-8000-000000000001';
    expect(paymentsFilterOf(paramsOf(links.program({ id: program }, 'paid')))).toEqual({ program, status: 'paid' });
    // With the charts' year, a program's link names it too (its payments carry it).
    expect(paymentsFilterOf(paramsOf(federationLinks(CODE, 2026).program({ id: program })))).toEqual({ program, year: 2026 });
    expect(links.program({ id: program, centreCode: 'X1' })).toMatch(/^\/federation\/centres\/X1\?tab=payments/);
  });

  it('makes no link of 各中心合计 but a program’s, which has its centre', () => {
    const all = federationLinks(null);
    expect([all.households(), all.month(2026, 1, '2026-03-10'), all.year(2025, '2026-03-10')]).toEqual([undefined, undefined, undefined]);
    expect(all.program({ id: 'p', centreCode: CODE })).toBe(centrePageLink(CODE, { tab: 'payments', program: 'p' }));
  });

  it('leaves out what is not a code', () => {
    expect(filesFilterOf(new URLSearchParams('inForce=yes&status=nonsense&category=x&cause=11'))).toEqual({});
    expect(paymentsFilterOf(new URLSearchParams('year=1999&type=x&status=y&program=DROP&from=2026-1-1&to=x'))).toEqual({});
  });
});
