import { z } from 'zod';
import { AID_TYPES } from '../domain/aid';
import { CAUSES } from '../domain/hardship-codes';
import { HARDSHIP_CATEGORIES } from '../domain/means-test';
import { channel, isoDate, uuid } from './define';
import { reportCentre } from './reports';

/**
 * The director's charts on the home page (docs/domain.md "Home page"), computed as of the office's today from the
 * data, never stored: households in force (在档 and in 复核) by category and by main cause, the aid of this year's
 * months by type against last year's, and each of this year's programs' budget against what it has paid. Every
 * number is one the list it links to shows (the files list filtered alike, the payments list's totals).
 *
 * In federation mode the same charts count the centres' records as they sent them (features/dashboard
 * federation-source.ts), one centre or all of them added up (`centre` as reports.tables takes it), and `federation`
 * adds what its director reads first: each centre's households in force and this year's aid paid.
 */

const fen = z.number().int();
const count = z.number().int().min(0);

export const dashboardCharts = z.object({
  today: isoDate,
  year: z.number().int(),
  households: z.object({
    total: count,
    /** Every category, 0 included, in HARDSHIP_CATEGORIES' order; a file in force always has one. */
    byCategory: z.array(z.object({ category: z.enum(HARDSHIP_CATEGORIES), count })),
    /** Causes with at least one household, CAUSES' order; null: none recorded (an old file imported without one). */
    byCause: z.array(z.object({ cause: z.enum(CAUSES).nullable(), count })),
  }),
  /**
   * Payments not voided, by the local month they were entered in, and type: this year's up to today, last year's
   * whole months. Only months and types with a payment are listed. A reissue replaces a voided payment, so it counts once.
   */
  monthly: z.array(
    z.object({ year: z.number().int(), month: z.number().int().min(1).max(12), type: z.enum(AID_TYPES), count, amountFen: fen }),
  ),
  /** This year's programs, open or closed: the budget (null: none set) against what their payments not voided commit. */
  programs: z.array(
    z.object({
      id: uuid,
      name: z.string(),
      type: z.enum(AID_TYPES),
      budgetFen: fen.nullable(),
      paidFen: fen,
      /** Pending and approved: committed, not paid yet. */
      unpaidFen: fen,
      /** Federation mode: the centre whose program it is (its payments list is that centre's). */
      centreCode: z.string().optional(),
    }),
  ),
  /** Federation mode only. */
  federation: z
    .object({
      /** The centre the charts count (its credit code), or ALL_CENTRES. */
      centre: reportCentre,
      /** The centre's name, or 各中心合计. */
      label: z.string(),
      /**
       * Every centre of 各中心 whichever is counted above: files in force, and this year's programs' payments paid (the
       * centre's payments list filtered to the year and 已发放 shows the same count and sum).
       */
      centres: z.array(z.object({ code: z.string(), name: z.string(), inForce: count, paidCount: count, paidFen: fen })),
    })
    .optional(),
});

export const dashboardInput = z
  .object({
    /** Federation mode only (DASHBOARD_SCOPE_FEDERATION_ONLY in a centre): one centre, or ALL_CENTRES (also when none). */
    centre: reportCentre.optional(),
  })
  .strict();

export const dashboardChannels = {
  /** The director's charts: for those who approve and direct (审核人, 管理员), in a centre or a federation. */
  'dashboard.charts': channel({ input: dashboardInput, output: dashboardCharts, access: 'reviewer', mutates: false }),
};
