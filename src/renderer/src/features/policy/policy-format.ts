import type { PolicyKey } from '@shared/domain/policy';
import { POLICY_RULES } from '@shared/domain/policy';
import { regionName } from '@shared/domain/region-codes';
import { formatYuan } from '../../components/money';
import type { t as translate } from '../../i18n';

/** A policy value in the words of its unit: ¥1,320.00/人·月, ¥2,000.00/户·年, 5 个工作日, 90 天, 12 个月. */
export function formatPolicyValue(t: typeof translate, key: PolicyKey, value: number): string {
  const { unit, per } = POLICY_RULES[key];
  if (unit === 'fen') return t(per === 'householdYear' ? 'policy.amountYear' : 'policy.amount', { amount: formatYuan(value) });
  return t('policy.count', { value, unit: t(`policy.units.${unit}`) });
}

/** 110105 北京市朝阳区: the code clerks type, with its name to check it by. */
export function regionText(code: string): string {
  const name = regionName(code);
  return name ? `${code} ${name}` : code;
}
