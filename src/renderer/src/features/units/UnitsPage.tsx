import { Tabs } from '@mantine/core';
import { useState } from 'react';
import type { UnitKind } from '@shared/contract/roster';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { UnitList } from './UnitList';

const KINDS: UnitKind[] = ['employer', 'union'];

/** 单位与工会: the employers and grassroots unions the roster names, to rename and to merge two spellings of one. */
export function UnitsPage() {
  const t = useT();
  const [kind, setKind] = useState<UnitKind>('employer');
  return (
    <>
      <PageHeader title={t('units.title')} />
      <Tabs value={kind} onChange={(value) => setKind(KINDS.find((k) => k === value) ?? 'employer')} keepMounted={false} maw={900}>
        <Tabs.List mb="md">
          {KINDS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`unitKinds.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {KINDS.map((k) => (
          <Tabs.Panel key={k} value={k}>
            <UnitList kind={k} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
