import { Button, Divider, Stack, Stepper } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { CommitStep } from './CommitStep';
import { FileStep } from './FileStep';
import { ImportHistory } from './ImportHistory';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { useRosterImport, type ImportStep } from './useRosterImport';

/** 导入名册: choose a file, check its columns, preview every row, import all or nothing; and the imports so far. */
export function RosterImportPage() {
  const t = useT();
  const navigate = useNavigate();
  const history = useQuery('rosterImport.history', {});
  const flow = useRosterImport(history.reload);
  const { picked, plan } = flow;
  const commitStep = (
    <CommitStep
      running={flow.commit.running}
      progress={flow.commit.progress}
      error={flow.commit.error}
      result={flow.commitResult}
      onCancel={flow.commit.cancel}
      onBack={() => flow.goTo(2)}
      onAgain={flow.restart}
      onRoster={() => void navigate('/roster')}
    />
  );

  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} onClick={() => void navigate('/roster')}>
          {t('rosterImport.back')}
        </Button>
      </div>
      <PageHeader title={t('rosterImport.title')} />
      <Stepper
        active={flow.commitResult ? 4 : flow.step}
        onStepClick={(target) => flow.goTo(target as ImportStep)}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label={t('rosterImport.stepFile')} description={t('rosterImport.stepFileHint')}>
          <FileStep picked={picked} reading={flow.reading} error={flow.fileError} onPick={() => void flow.pick()} onNext={flow.next} />
        </Stepper.Step>
        <Stepper.Step label={t('rosterImport.stepMapping')} description={t('rosterImport.stepMappingHint')}>
          {picked && (
            <MappingStep
              inspection={picked.inspection}
              columns={flow.columns}
              onColumn={flow.setColumn}
              policy={flow.policy}
              onPolicy={flow.setPolicy}
              onBack={() => flow.goTo(0)}
              onNext={() => void flow.runPreview()}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('rosterImport.stepPreview')} description={t('rosterImport.stepPreviewHint')} loading={flow.preview.running}>
          {plan && (
            <PreviewStep
              plan={plan}
              running={flow.preview.running}
              progress={flow.preview.progress}
              error={flow.preview.error}
              result={flow.previewResult}
              onCancel={flow.preview.cancel}
              onRetry={() => void flow.runPreview()}
              onBack={() => flow.goTo(1)}
              onCommit={() => void flow.runCommit()}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t('rosterImport.stepCommit')} description={t('rosterImport.stepCommitHint')} loading={flow.commit.running}>
          {commitStep}
        </Stepper.Step>
        <Stepper.Completed>{commitStep}</Stepper.Completed>
      </Stepper>
      <Divider />
      <ImportHistory imports={history.data?.imports} loading={history.loading} error={history.error} onRetry={history.reload} />
    </Stack>
  );
}
