import { perProviderCategories, type Alert, type CategoryId } from '@turno/shared';

/** The telematics provider (MIX, Guardian) an alert is about, or null for any other alert. */
export function providerOf(alert: Pick<Alert, 'category' | 'detail'>): string | null {
  const provider = alert.detail?.provider;
  if (typeof provider !== 'string' || provider === '') return null;
  return perProviderCategories.includes(alert.category as CategoryId) ? provider : null;
}
