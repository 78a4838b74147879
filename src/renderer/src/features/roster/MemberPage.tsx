import { Alert, Badge, Button, Group, List, Stack, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconEdit, IconUserCog } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { Member } from '@shared/contract/roster';
import { roleAllows } from '@shared/roles';
import { useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { notifySuccess } from '../../components/notify';
import { RecordHistory } from '../../components/RecordHistory';
import { notifyIdWarnings } from './notify-id-warnings';
import { QueryStatus } from '../../components/QueryStatus';
import { useT } from '../../i18n';
import { ChangeStatusModal } from './ChangeStatusModal';
import { IdNumberReveal } from './IdNumberReveal';
import { MemberFacts } from './MemberFacts';
import { MemberFiles } from './MemberFiles';
import { EditMemberModal } from './MemberFormModals';
import { MemberStatusBadge } from './MemberStatusBadge';
import { useRevealedIdNumber } from './useRevealedIdNumber';

function MemberWarnings({ member }: { member: Member }) {
  const t = useT();
  if (member.warnings.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" role="note" icon={<IconAlertTriangle size={18} />} title={t('member.warningsTitle')}>
      <List size="sm">
        {member.warnings.map((warning) => (
          <List.Item key={warning}>{t(`idWarnings.${warning}`)}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** One member: everything recorded, the full ID number on request, edit, status changes, and the history. */
export function MemberPage() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const { memberId = '' } = useParams();
  const { session } = useSession();
  const canEdit = roleAllows(session.user.role, 'clerk');
  const member = useQuery('roster.get', { id: memberId });
  const history = useQuery('roster.history', { id: memberId });
  const revealed = useRevealedIdNumber(memberId, history.reload);
  const [edit, setEdit] = useState<Member | null>(null);
  const [changingStatus, setChangingStatus] = useState<Member | null>(null);

  const from = (location.state as { from?: unknown } | null)?.from;
  const backToList = () => void navigate(`/roster${typeof from === 'string' ? from : ''}`);
  const reloadAll = () => {
    member.reload();
    history.reload();
  };

  const data = member.data?.id === memberId ? member.data : undefined;
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} onClick={backToList}>
          {t('member.back')}
        </Button>
      </div>
      <QueryStatus loading={member.loading && !data} error={member.error} onRetry={member.reload} />
      {data && (
        <>
          <Group justify="space-between" align="center">
            <Group gap="sm">
              <Title order={2}>{data.name}</Title>
              <MemberStatusBadge status={data.status} />
              {data.warnings.length > 0 && (
                <Badge color="yellow" variant="light">
                  {t('member.warningsBadge')}
                </Badge>
              )}
            </Group>
            {canEdit && (
              <Group gap="sm">
                <Button leftSection={<IconEdit size={18} />} onClick={() => setEdit(data)}>
                  {t('member.edit')}
                </Button>
                <Button variant="default" leftSection={<IconUserCog size={18} />} onClick={() => setChangingStatus(data)}>
                  {t('member.changeStatus')}
                </Button>
              </Group>
            )}
          </Group>
          <MemberWarnings member={data} />
          <MemberFacts
            member={data}
            idNumber={
              <IdNumberReveal
                masked={data.idNumberMasked}
                full={revealed.idNumber}
                canReveal={canEdit}
                revealing={revealed.revealing}
                onReveal={() => void revealed.show()}
                onHide={revealed.hide}
              />
            }
          />
          <MemberFiles memberId={data.id} />
          <RecordHistory entries={history.data?.entries} loading={history.loading} error={history.error} onRetry={history.reload} />
        </>
      )}

      <EditMemberModal
        edit={edit}
        onRevealId={revealed.fetchIdNumber}
        onClose={() => setEdit(null)}
        onReload={() => {
          setEdit(null);
          reloadAll();
        }}
        onSaved={(saved) => {
          setEdit(null);
          notifySuccess(saved ? t('memberForm.saved') : t('memberForm.noChange'));
          if (saved) notifyIdWarnings(saved);
          reloadAll();
        }}
      />
      <ChangeStatusModal
        member={changingStatus}
        onClose={() => setChangingStatus(null)}
        onReload={() => {
          setChangingStatus(null);
          reloadAll();
        }}
        onChanged={(changed) => {
          setChangingStatus(null);
          notifySuccess(t('memberStatus.done', { name: changed.name, status: t(`memberStatuses.${changed.status}`) }));
          reloadAll();
        }}
      />
    </Stack>
  );
}
