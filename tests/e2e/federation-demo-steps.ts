import { openDatabase } from '../../src/main/core/db/client';
import { readKeyFile } from '../../src/main/core/keys/key-file';
import { dataPaths } from '../../src/main/core/paths';
import { writeFederationDemo } from '../../src/main/tools/federation-demo';
import { creditCodeCheckChar } from '@shared/domain/credit-code';
import { TEST_CLOCK_START } from '../support/test-clock';
import type { WebHostHandle } from './fixtures';
import { ADMIN, rpc } from './support';

/**
 * A federation office (示范市总工会) set up on the test's host, whose database then holds the two demo centres'
 * records as the importer leaves them (the development tool federation-demo.ts writes them), as of the test clock.
 */
export async function setUpFederationWithDemoCentres(host: WebHostHandle): Promise<void> {
  await rpc(host.origin, host.token, 'system.setup', {
    org: {
      name: '示范市总工会',
      creditCode: `81110100MC0000009${creditCodeCheckChar('81110100MC0000009')}`,
      regionCode: '110100',
      mode: 'federation',
    },
    admin: ADMIN,
  });
  const paths = dataPaths(host.dataDir);
  const { sqlite } = openDatabase(paths.database, readKeyFile(paths.keyFile)!);
  writeFederationDemo(sqlite, TEST_CLOCK_START);
  sqlite.close();
}
