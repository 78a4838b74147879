import type { HandlerMap } from './context';
import { aidHandlers } from './features/aid/aid.handlers';
import { aidBatchHandlers } from './features/aid/batch.handlers';
import { aidPrintHandlers } from './features/aid/print.handlers';
import { auditHandlers } from './features/audit/audit.handlers';
import { authHandlers } from './features/auth/auth.handlers';
import { backupHandlers } from './features/backup/backup.handlers';
import { compareHandlers } from './features/compare/compare.handlers';
import { exchangeHandlers } from './features/exchange/exchange.handlers';
import { exchangeImportHandlers } from './features/exchange/import.handlers';
import { federationHandlers } from './features/federation/federation.handlers';
import { orgHandlers } from './features/org/org.handlers';
import { jobsHandlers } from './features/system/jobs.handlers';
import { rosterImportHandlers } from './features/roster/import.handlers';
import { hardshipHandlers } from './features/hardship/hardship.handlers';
import { hardshipPrintHandlers } from './features/hardship/print.handlers';
import { homeHandlers } from './features/home/home.handlers';
import { dashboardHandlers } from './features/dashboard/dashboard.handlers';
import { policyHandlers } from './features/policy/policy.handlers';
import { policyFileHandlers } from './features/policy-file/policy-file.handlers';
import { reportsHandlers } from './features/reports/reports.handlers';
import { reportsExportHandlers } from './features/reports/reports-export.handlers';
import { rosterHandlers } from './features/roster/roster.handlers';
import { systemHandlers } from './features/system/system.handlers';
import { usersHandlers } from './features/users/users.handlers';

/** Every channel of the contract has its handler: TypeScript refuses this object if one is missing. */
export const handlers: HandlerMap = {
  ...systemHandlers,
  ...jobsHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...orgHandlers,
  ...backupHandlers,
  ...auditHandlers,
  ...rosterHandlers,
  ...policyHandlers,
  ...policyFileHandlers,
  ...hardshipHandlers,
  ...hardshipPrintHandlers,
  ...homeHandlers,
  ...dashboardHandlers,
  ...rosterImportHandlers,
  ...aidHandlers,
  ...aidBatchHandlers,
  ...aidPrintHandlers,
  ...exchangeHandlers,
  ...exchangeImportHandlers,
  ...federationHandlers,
  ...reportsHandlers,
  ...reportsExportHandlers,
  ...compareHandlers,
};
