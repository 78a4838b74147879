import { z } from 'zod';
import { AID_TYPES } from '../domain/aid';
import { CAUSES } from '../domain/hardship-codes';
import { HARDSHIP_CATEGORIES } from '../domain/means-test';
import { channel, isoDate, noInput, uuid } from './define';

/**
 * The director's charts on the home page (docs/domain.md "Home page"), computed as of the office's today from the
 * data, never stored: households in force (在档 and in 复核) by category and by main cause, the aid of this year's
 * months by type against last year's, and each of this year's programs' budget against what it has paid. Every
 * number is one the list it links to shows (the files list filtered alike, the payments list's totals).
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
    }),
  ),
});

export const dashboardChannels = {
  /** The director's charts: for those who approve and direct (审核人, 管理员), in a centre. */
  'dashboard.charts': channel({ input: noInput, output: dashboardCharts, access: 'reviewer', mutates: false }),
};
