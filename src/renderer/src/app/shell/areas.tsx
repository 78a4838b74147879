/**
 * The areas of the program, in navigation order. The navbar and the routes are both derived from this list, so
 * a page the user's role may not open is neither shown nor reachable by typing its address.
 */
import {
  IconAddressBook,
  IconArchive,
  IconBuilding,
  IconBuildingCommunity,
  IconBuildingFactory2,
  IconCopyCheck,
  IconCoins,
  IconFileExport,
  IconHeartHandshake,
  IconHome,
  IconInbox,
  IconInfoCircle,
  IconKey,
  IconListCheck,
  IconListSearch,
  IconReceipt,
  IconReportAnalytics,
  IconScale,
  IconShieldCheck,
  IconUsers,
} from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { OrgMode } from '@shared/contract/org';
import type { Role } from '@shared/roles';
import { AboutPage } from '../../features/about/AboutPage';
import { BatchNewPage } from '../../features/aid/BatchNewPage';
import { BatchPage } from '../../features/aid/BatchPage';
import { PaymentsPage } from '../../features/aid/PaymentsPage';
import { ProgramsPage } from '../../features/aid/ProgramsPage';
import { VerifyVoucherPage } from '../../features/aid/VerifyVoucherPage';
import { AuditPage } from '../../features/audit/AuditPage';
import { BackupPage } from '../../features/backup/BackupPage';
import { ExchangeKeysPage } from '../../features/exchange/ExchangeKeysPage';
import { ExportBatchesPage } from '../../features/exchange/ExportBatchesPage';
import { ReceivedBatchesPage } from '../../features/exchange/ReceivedBatchesPage';
import { ComparePage } from '../../features/compare/ComparePage';
import { CompareResultsPage } from '../../features/compare/CompareResultsPage';
import { CentrePage } from '../../features/federation/CentrePage';
import { CentresPage } from '../../features/federation/CentresPage';
import { DuplicatesPage } from '../../features/federation/DuplicatesPage';
import { FedFilePage } from '../../features/federation/FedFilePage';
import { FilePage } from '../../features/files/FilePage';
import { FilesPage } from '../../features/files/FilesPage';
import { HomePage } from '../../features/home/HomePage';
import { OrgSettingsPage } from '../../features/org/OrgSettingsPage';
import { PolicyPage } from '../../features/policy/PolicyPage';
import { ReportsPage } from '../../features/reports/ReportsPage';
import { MemberPage } from '../../features/roster/MemberPage';
import { RosterPage } from '../../features/roster/RosterPage';
import { RosterImportPage } from '../../features/roster-import/RosterImportPage';
import { UnitsPage } from '../../features/units/UnitsPage';
import { UsersPage } from '../../features/users/UsersPage';
import type { MessageKey } from '../../i18n';

export interface Area {
  /** Route path relative to the shell ('' is the home page). */
  path: string;
  label: MessageKey;
  icon: ComponentType<{ size?: number }>;
  /** The lowest role that may open it. */
  role: Role;
  page: ReactNode;
  /** Pages inside the area (a record of the list), guarded by the area's role or a higher one; paths relative to the area's. */
  subPages?: { path: string; page: ReactNode; role?: Role }[];
  /** Listed under a heading of the navigation with the areas next to it that share it (帮扶救助). */
  group?: MessageKey;
  /** Reached from other pages only (a batch from its program), never listed in the navigation. */
  hidden?: boolean;
  /**
   * Listed only in these modes: a federation keeps no roster, files or aid of its own (it sees its centres' under
   * 各中心), a centre has no centres. The federation's views are refused by the core elsewhere anyway.
   */
  modes?: OrgMode[];
}

export const AREAS: Area[] = [
  { path: '', label: 'nav.home', icon: IconHome, role: 'viewer', page: <HomePage /> },
  {
    path: 'roster',
    modes: ['centre'],
    label: 'nav.roster',
    icon: IconAddressBook,
    role: 'viewer',
    page: <RosterPage />,
    subPages: [
      { path: 'import', page: <RosterImportPage />, role: 'clerk' },
      { path: ':memberId', page: <MemberPage /> },
    ],
  },
  {
    path: 'files',
    modes: ['centre'],
    label: 'nav.files',
    icon: IconHeartHandshake,
    role: 'viewer',
    page: <FilesPage />,
    subPages: [{ path: ':fileId', page: <FilePage /> }],
  },
  // 信息比对: other bodies' lists compared with our files (centre mode: the federation keeps no files of its own).
  {
    path: 'compare',
    modes: ['centre'],
    label: 'compare.title',
    icon: IconListCheck,
    role: 'clerk',
    page: <ComparePage />,
    subPages: [{ path: ':listId', page: <CompareResultsPage /> }],
  },
  // 帮扶救助: programs, payments and their batches (and 凭证核验).
  {
    path: 'aid/programs',
    label: 'aidNav.programs',
    group: 'aidNav.group',
    icon: IconCoins,
    role: 'viewer',
    page: <ProgramsPage />,
    modes: ['centre'],
  },
  {
    path: 'aid/payments',
    label: 'aidNav.payments',
    group: 'aidNav.group',
    icon: IconReceipt,
    role: 'viewer',
    page: <PaymentsPage />,
    modes: ['centre'],
  },
  {
    path: 'aid/batches',
    modes: ['centre'],
    label: 'aidNav.batches',
    icon: IconReceipt,
    role: 'viewer',
    hidden: true,
    page: <Navigate to="/aid/payments" replace />,
    subPages: [
      { path: 'new', page: <BatchNewPage />, role: 'clerk' },
      { path: ':batchId', page: <BatchPage /> },
    ],
  },
  // Every signed-in role checks vouchers and certificates brought to the desk (a scanner types the QR code).
  {
    path: 'aid/verify',
    label: 'nav.verify',
    group: 'aidNav.group',
    icon: IconShieldCheck,
    role: 'viewer',
    page: <VerifyVoucherPage />,
    modes: ['centre'],
  },
  // 统计报表 (issue 13): a centre's tables from its own records; a federation's from its centres' records as they sent
  // them, one centre or all combined (features/reports report-scope.ts).
  {
    path: 'reports',
    label: 'reports.title',
    icon: IconReportAnalytics,
    role: 'viewer',
    page: <ReportsPage />,
  },
  // The federation's views of its centres (federation mode only): what each centre sent, read-only, and 重复核查.
  {
    path: 'federation/centres',
    label: 'fedNav.centres',
    icon: IconBuildingCommunity,
    role: 'viewer',
    modes: ['federation'],
    page: <CentresPage />,
    subPages: [
      { path: ':code', page: <CentrePage /> },
      { path: ':code/files/:fileId', page: <FedFilePage /> },
    ],
  },
  {
    path: 'federation/duplicates',
    label: 'fedNav.duplicates',
    icon: IconCopyCheck,
    role: 'viewer',
    modes: ['federation'],
    page: <DuplicatesPage />,
  },
  { path: 'units', label: 'nav.units', icon: IconBuildingFactory2, role: 'clerk', page: <UnitsPage />, modes: ['centre'] },
  { path: 'policy', label: 'nav.policy', icon: IconScale, role: 'viewer', page: <PolicyPage /> },
  { path: 'users', label: 'nav.users', icon: IconUsers, role: 'admin', page: <UsersPage /> },
  { path: 'org', label: 'nav.org', icon: IconBuilding, role: 'admin', page: <OrgSettingsPage /> },
  // The federation's side of the exchange (issue 12).
  {
    path: 'exchange/received',
    label: 'exchangeImport.title',
    icon: IconInbox,
    role: 'clerk',
    modes: ['federation'],
    page: <ReceivedBatchesPage />,
  },
  { path: 'exchange-keys', label: 'nav.exchangeKeys', icon: IconKey, role: 'admin', page: <ExchangeKeysPage /> },
  {
    path: 'exchange-batches',
    label: 'nav.exchangeBatches',
    icon: IconFileExport,
    role: 'clerk',
    modes: ['centre'],
    page: <ExportBatchesPage />,
  },
  { path: 'backup', label: 'nav.backup', icon: IconArchive, role: 'admin', page: <BackupPage /> },
  { path: 'audit', label: 'nav.audit', icon: IconListSearch, role: 'admin', page: <AuditPage /> },
  { path: 'about', label: 'nav.about', icon: IconInfoCircle, role: 'admin', page: <AboutPage /> },
];
