// Links in mails point at the customer pages of this server (ORDO_PUBLIC_URL).
import { DEFAULT_TENANT_ID } from '../access/index.ts';

/** The public tracking page for a tracking number, or for the order number + e-mail. */
export function trackingUrl(publicUrl: string, tenantId: string, by: { trackingNumber: string } | { orderNumber: string; email: string }): string {
  const query = new URLSearchParams('trackingNumber' in by ? { tracking_number: by.trackingNumber } : { order: by.orderNumber, email: by.email });
  // The public pages serve the default tenant unless told another.
  if (tenantId !== DEFAULT_TENANT_ID) query.set('tenant', tenantId);
  return `${publicUrl}/track?${query.toString()}`;
}
