import { Stepper } from '@mantine/core';
import { useState } from 'react';
import type { ChannelOutput } from '@shared/contract';
import { useMutation } from '../../api/hooks';
import { CenteredPage } from '../../components/CenteredPage';
import { notifyWarning } from '../../components/notify';
import { useT } from '../../i18n';
import { AdminStep } from './AdminStep';
import { OrgStep } from './OrgStep';
import { RecoveryCodeStep } from './RecoveryCodeStep';
import { EMPTY_ADMIN, EMPTY_ORG, type AdminValues, type OrgValues } from './setup-values';

/** First run: the organisation, its administrator, then the recovery code (shown once). */
export function SetupWizard({ onDone }: { onDone: () => void }) {
  const t = useT();
  const [step, setStep] = useState(0);
  const [org, setOrg] = useState<OrgValues>(EMPTY_ORG);
  const [admin, setAdmin] = useState<AdminValues>(EMPTY_ADMIN);
  const [created, setCreated] = useState<ChannelOutput<'system.setup'> | null>(null);
  const setup = useMutation('system.setup');

  const submit = async () => {
    const result = await setup.run({
      org,
      admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
    });
    if (!result.ok) return;
    if (result.data.warnings.includes('CREDIT_CODE_CHECK')) notifyWarning(t('setup.creditCodeWarning'));
    setCreated(result.data);
    setStep(2);
  };

  return (
    <CenteredPage title={t('setup.title')} width={680}>
      <Stepper
        active={step}
        // Going back is allowed until the organisation exists; after that there is nothing to go back to.
        onStepClick={(target) => !created && target < step && setStep(target)}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label={t('setup.stepOrg')} description={t('setup.stepOrgHint')}>
          <OrgStep values={org} onChange={setOrg} onNext={() => setStep(1)} />
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepAdmin')} description={t('setup.stepAdminHint')}>
          <AdminStep
            values={admin}
            onChange={setAdmin}
            onBack={() => setStep(0)}
            onSubmit={() => void submit()}
            submitting={setup.running}
            error={setup.error}
          />
        </Stepper.Step>
        <Stepper.Step label={t('setup.stepRecovery')} description={t('setup.stepRecoveryHint')}>
          {created && <RecoveryCodeStep recoveryCode={created.recoveryCode} recoveryPdf={created.recoveryPdf} onFinish={onDone} />}
        </Stepper.Step>
      </Stepper>
    </CenteredPage>
  );
}
