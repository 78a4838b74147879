import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { launchHost, test as base, type WebHostHandle } from './fixtures';
import { ADMIN, CREDIT_CODE, ORG_NAME, rpc } from './support';

/**
 * Several offices in one test (issue 12's journey): each its own web host on its own port and data folder, set up
 * through the core as setUpOffice does (the wizard, mode included, is first-run.spec's), with its own browser
 * context and page, as two desks in two towns would be. One clock for all: `offices.advanceClock` moves every core
 * and every page together, so a batch made "today" at the centre is imported "today" at the federation.
 */

export interface OrgSpec {
  name: string;
  creditCode: string;
  regionCode: string;
  mode: 'centre' | 'federation';
}

export interface Office {
  org: OrgSpec;
  host: WebHostHandle;
  /** This office's browser page, its clock on the common clock; not signed in. */
  page: Page;
}

export interface Offices {
  /** Starts an office's host (at the common clock's instant), sets it up with ADMIN as its administrator, opens its page. */
  open(org: OrgSpec): Promise<Office>;
  /** Moves every office's core and page forward together. */
  advanceClock(ms: number): Promise<void>;
}

/** The help centre of support.ts (440106), the federation it reports to (the city's 总工会), another centre. */
export const CENTRE: OrgSpec = { name: ORG_NAME, creditCode: CREDIT_CODE, regionCode: '440106', mode: 'centre' };
export const FEDERATION: OrgSpec = {
  name: '示范市总工会',
  creditCode: withCheck('81440100MC0000001'),
  regionCode: '440100',
  mode: 'federation',
};
export const SECOND_CENTRE: OrgSpec = {
  name: '示范区第二帮扶中心',
  creditCode: withCheck('81440105MC0000002'),
  regionCode: '440105',
  mode: 'centre',
};

function withCheck(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

async function openOffices(
  browser: Browser,
  contextOptions: BrowserContextOptions,
  use: (offices: Offices) => Promise<void>,
  passed: () => boolean,
): Promise<void> {
  const opened: { office: Office; stop(passed: boolean): Promise<void>; close(): Promise<void> }[] = [];
  const offices: Offices = {
    async open(org) {
      const { handle, stop } = await launchHost();
      // A host started later starts at TEST_CLOCK_START: brought to the instant the others show.
      const reference = opened[0]?.office.host;
      if (reference) {
        const behind = (await reference.now()).getTime() - (await handle.now()).getTime();
        if (behind > 0) await handle.advanceClock(behind);
      }
      await rpc(handle.origin, handle.token, 'system.setup', { org, admin: ADMIN });
      const context = await browser.newContext(contextOptions);
      const page = await context.newPage();
      await page.clock.install({ time: await handle.now() });
      handle.pages.add(page);
      const office = { org, host: handle, page };
      opened.push({ office, stop, close: () => context.close() });
      return office;
    },
    async advanceClock(ms) {
      for (const { office } of opened) await office.host.advanceClock(ms);
    },
  };
  try {
    await use(offices);
  } finally {
    for (const { close } of opened) await close();
    for (const { stop } of opened) await stop(passed());
  }
}

export const test = base.extend<{ offices: Offices }>({
  offices: async ({ browser, locale, timezoneId, viewport, acceptDownloads }, use, testInfo) => {
    await openOffices(browser, { locale, timezoneId, viewport, acceptDownloads }, use, () => testInfo.status === testInfo.expectedStatus);
  },
});

export { expect } from './fixtures';
