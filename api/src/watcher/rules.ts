import { defaultAlertRules, type CategoryId } from '@turno/shared';
import type { AlertRuleConfig, AppConfig } from '../types.ts';

/** The configuration's rule for a cause, else the shared default, else the global default. */
export function ruleFor(config: AppConfig, category: CategoryId): AlertRuleConfig {
  const defaults: Partial<Record<CategoryId, AlertRuleConfig>> = defaultAlertRules;
  return config.alertRules[category] ?? defaults[category] ?? config.defaultAlertRule;
}

/** How far back a first start looks: the widest window of any rule. */
export function largestWindowSeconds(config: AppConfig): number {
  const rules: AlertRuleConfig[] = [
    config.defaultAlertRule,
    ...Object.values<AlertRuleConfig | undefined>(defaultAlertRules),
    ...Object.values<AlertRuleConfig | undefined>(config.alertRules),
  ].filter((rule): rule is AlertRuleConfig => rule !== undefined);
  return Math.max(...rules.map((rule) => rule.windowSeconds));
}
