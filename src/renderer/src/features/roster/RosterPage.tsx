import { Button } from '@mantine/core';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { notifySuccess } from '../../components/notify';
import { notifyIdWarnings } from './notify-id-warnings';
import { PageHeader } from '../../components/PageHeader';
import { shortcut } from '../../components/shortcuts';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { CreateMemberModal } from './MemberFormModals';
import { RosterOutputActions } from './RosterOutputActions';
import { RosterSearchBar } from './RosterSearchBar';
import { memberLink, ROSTER_PAGE_SIZE, RosterTable } from './RosterTable';
import { hasActiveFilters, NO_ROSTER_FILTERS, selectionOf, useRosterFilters } from './useRosterFilters';

/** 会员名册: find members as clerks search, open one, add one. */
export function RosterPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { session } = useSession();
  const canEdit = roleAllows(session.user.role, 'clerk');
  // roster.revealId's access: the other roles search an ID by the last 4 characters or the whole number only.
  const maskedIdSearch = !roleAllows(session.user.role, 'clerk');
  const [filters, setFilters] = useRosterFilters();
  const [creating, setCreating] = useState(false);
  const search = useQuery('roster.search', { ...selectionOf(filters), page: filters.page, pageSize: ROSTER_PAGE_SIZE });

  return (
    <>
      <PageHeader title={t('roster.title')}>
        {canEdit && (
          <>
            <RosterOutputActions filters={filters} />
            <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => void navigate('/roster/import')}>
              {t('rosterImport.open')}
            </Button>
            <Button leftSection={<IconUserPlus size={18} />} onClick={() => setCreating(true)} {...shortcut('new')}>
              {t('roster.add')}
            </Button>
          </>
        )}
      </PageHeader>
      <RosterSearchBar filters={filters} onChange={setFilters} maskedIdSearch={maskedIdSearch} />
      <QueryStatus loading={search.loading && !search.data} error={search.error} onRetry={search.reload} />
      {search.data && (
        <RosterTable
          result={search.data}
          busy={search.loading}
          page={filters.page}
          onPage={(page) => setFilters({ page })}
          filtered={hasActiveFilters(filters)}
          maskedIdSearch={maskedIdSearch}
          onClearFilters={() => setFilters(NO_ROSTER_FILTERS)}
        />
      )}
      <CreateMemberModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(member) => {
          setCreating(false);
          notifySuccess(t('memberForm.created', { name: member.name }));
          notifyIdWarnings(member);
          const link = memberLink(member.id, location.search);
          void navigate(link.to, { state: link.state });
        }}
      />
    </>
  );
}
