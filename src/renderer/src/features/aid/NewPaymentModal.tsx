import { Alert, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PaymentItem, ProgramItem } from '@shared/contract/aid';
import type { FileDetail } from '@shared/contract/hardship';
import type { PaymentMethod } from '@shared/domain/aid';
import { useMutation, useQuery } from '../../api/hooks';
import { useSession } from '../../app/session/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';
import { GuardedModal, useDialogValues } from '../../components/GuardedModal';
import { todayIso } from '../../components/format';
import { formatYuan } from '../../components/money';
import { notifySuccess } from '../../components/notify';
import { QueryStatus } from '../../components/QueryStatus';
import { requiredField } from '../../components/required-field';
import { useT } from '../../i18n';
import { checkAmount, NO_AMOUNT, type AmountState } from './amount-check';
import { AmountField } from './AmountField';
import { SuggestionLines } from './SuggestionLines';
import { readYuan } from './yuan';

/** The open programs of this calendar year a household can be paid from (临时救助 has its own, file-less route too). */
export function useOpenPrograms(filter: (p: ProgramItem) => boolean) {
  const year = Number(todayIso().slice(0, 4));
  const query = useQuery('aid.programs', { year, includeClosed: false });
  const programs = (query.data?.programs ?? []).filter((p) => p.status === 'open' && p.year === year && filter(p));
  return { year, query, programs };
}

function NewPaymentForm({ file, onClose, onCreated }: { file: FileDetail; onClose: () => void; onCreated: (p: PaymentItem) => void }) {
  const t = useT();
  const { session } = useSession();
  const isAdmin = session.user.role === 'admin';
  const { year, query, programs } = useOpenPrograms(() => true);
  const create = useMutation('aid.createPayment');
  const [programId, setProgramId] = useState<string | null>(null);
  const [studentId, setStudentId] = useState<string | null>(null);
  const [baseText, setBaseText] = useState('');
  const [amount, setAmount] = useState<AmountState>(NO_AMOUNT);
  const account = file.draft.bankAccountMasked;
  const [method, setMethod] = useState<PaymentMethod>(account ? 'bank' : 'cash');
  const [note, setNote] = useState('');
  useDialogValues({ programId, studentId, baseText, amount, method, note });

  const program = programs.find((p) => p.id === programId) ?? null;
  const kind = program?.standard.kind;
  const needsStudent = kind === 'perStudent';
  const needsBase = kind === 'billShare' || kind === 'lossShare';
  const isService = kind === 'service';
  const students = file.household.filter((m) => m.schoolStage !== null);
  const base = readYuan(t, baseText);
  const ready = program !== null && (!needsStudent || studentId !== null) && (!needsBase || base.fen !== null);
  const suggest = useQuery(
    'aid.suggest',
    { programId: programId ?? '', fileId: file.id, studentId: needsStudent ? studentId : null, baseFen: needsBase ? base.fen : null },
    { enabled: ready },
  );
  const suggestion = ready ? suggest.data : undefined;
  const check = suggestion && !isService ? checkAmount(t, suggestion, amount, isAdmin) : null;
  // Another program, student or bill asks for another suggestion: the amount shows it again.
  const change = (apply: () => void) => {
    apply();
    setAmount(NO_AMOUNT);
  };

  const missing = [
    ...(program === null ? [t('aidPay.missingProgram')] : []),
    ...(needsStudent && studentId === null ? [t('aidPay.missingStudent')] : []),
    ...(needsBase && base.fen === null ? [t(kind === 'billShare' ? 'aidPay.missingBill' : 'aidPay.missingLoss')] : []),
    ...(suggestion && !suggestion.eligible ? [t('aidPay.missingEligible')] : []),
    ...(suggestion?.eligible && check ? check.missing : []),
  ];

  const submit = async () => {
    if (!program || !suggestion) return;
    const result = await create.run({
      programId: program.id,
      fileId: file.id,
      emergency: null,
      studentId: needsStudent ? studentId : null,
      baseFen: needsBase ? base.fen : null,
      amountFen: isService ? 0 : check!.fen!,
      adjustReason: check?.lowered ? amount.adjustReason.trim() : null,
      method: isService ? 'service' : method,
      overBudgetReason: check?.overBudget ? amount.overBudgetReason.trim() : null,
      note: note.trim() || null,
    });
    if (result.ok) {
      notifySuccess(t('aidPay.created', { amount: formatYuan(result.data.amountFen) }));
      onCreated(result.data);
    }
  };

  return (
    <Stack>
      <ErrorAlert error={create.error} />
      <QueryStatus loading={query.loading && !query.data} error={query.error} onRetry={query.reload} />
      {query.data && programs.length === 0 && <Alert color="gray">{t('aidPay.noPrograms', { year })}</Alert>}
      <Select
        label={t('aidPay.program')}
        data={programs.map((p) => ({ value: p.id, label: t('aidPay.programOption', { name: p.name, type: t(`aidTypes.${p.type}`) }) }))}
        value={programId}
        onChange={(v) => change(() => setProgramId(v))}
        searchable
        {...requiredField}
      />
      {needsStudent &&
        (students.length === 0 ? (
          <Alert color="yellow">{t('aidPay.noStudents')}</Alert>
        ) : (
          <Radio.Group
            label={t('aidPay.student')}
            value={studentId ?? ''}
            onChange={(v) => change(() => setStudentId(v))}
            {...requiredField}
          >
            <Stack gap={4} mt={4}>
              {students.map((m) => (
                <Radio
                  key={m.id}
                  value={m.id}
                  label={t('aidPay.studentOption', { name: m.name, stage: t(`schoolStages.${m.schoolStage!}`) })}
                />
              ))}
            </Stack>
          </Radio.Group>
        ))}
      {needsBase && (
        <TextInput
          label={kind === 'billShare' ? t('aidPay.billBase') : t('aidPay.lossBase')}
          value={baseText}
          onChange={(e) => change(() => setBaseText(e.currentTarget.value))}
          inputMode="decimal"
          error={base.error}
          {...requiredField}
        />
      )}
      {ready && <QueryStatus loading={suggest.loading && !suggest.data} error={suggest.error} onRetry={suggest.reload} />}
      {suggestion && <SuggestionLines suggestion={suggestion} />}
      {suggestion?.eligible && check && (
        <>
          <AmountField suggestion={suggestion} state={amount} check={check} onChange={setAmount} />
          <Radio.Group label={t('aidPay.method')} value={method} onChange={(v) => setMethod(v as PaymentMethod)}>
            <Stack gap={4} mt={4}>
              <Radio
                value="bank"
                disabled={!account}
                label={`${t('paymentMethods.bank')} — ${account ? t('aidPay.bankTo', { account }) : t('aidPay.noAccount')}`}
              />
              <Radio value="cash" label={`${t('paymentMethods.cash')} — ${t('aidPay.cashHint')}`} />
            </Stack>
          </Radio.Group>
        </>
      )}
      {suggestion?.eligible && (
        <TextInput label={t('aidPay.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} />
      )}
      {isService && <Text size="sm">{t('paymentMethods.service')}</Text>}
      <FormActions
        submitLabel={t('aidPay.submit')}
        loading={create.running}
        disabled={suggest.loading}
        missing={missing}
        onSubmit={submit}
        onCancel={onClose}
        sticky
      />
    </Stack>
  );
}

/** 新增发放 from the file page: a program of this year, the student or the bill, the suggestion, the amount and method. */
export function NewPaymentModal({
  file,
  opened,
  onClose,
  onCreated,
}: {
  file: FileDetail;
  opened: boolean;
  onClose: () => void;
  onCreated: (payment: PaymentItem) => void;
}) {
  const t = useT();
  return (
    <GuardedModal opened={opened} onClose={onClose} title={t('aidPay.title')} size="lg">
      {opened && <NewPaymentForm file={file} onClose={onClose} onCreated={onCreated} />}
    </GuardedModal>
  );
}
