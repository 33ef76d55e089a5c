// The built-in providers by name.
import type { PaymentProvider as ProviderName } from '../../../platform/db/schema-payments.ts';
import { cashOnDeliveryProvider, manualProvider, prepaidProvider } from './offline.ts';
import type { PaymentProvider } from './provider.ts';
import { testCardProvider } from './test-card.ts';

export const PAYMENT_PROVIDERS = ['test_card', 'manual', 'cash_on_delivery', 'prepaid'] as const satisfies readonly ProviderName[];

const providers: Record<ProviderName, PaymentProvider> = {
  test_card: testCardProvider, manual: manualProvider, cash_on_delivery: cashOnDeliveryProvider, prepaid: prepaidProvider,
};

export function providerFor(name: ProviderName): PaymentProvider {
  return providers[name];
}
