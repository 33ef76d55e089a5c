// The shop's name for the customer pages' header and titles, from
// GET /v1/public/merchant → { name } (the tenant's name; `?tenant=` as on the other public
// routes). Asked once per page load; without an answer the header says "Customer service".
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Merchant } from './types.ts';
import { withTenant } from './paths.ts';

let cached: Promise<string | null> | null = null;

function loadMerchantName(): Promise<string | null> {
  cached ??= api<Merchant>('GET', withTenant('/v1/public/merchant')).then((m) => m.name || null, () => null);
  return cached;
}

/** The merchant's name, or null while unknown. */
export function useMerchantName(): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void loadMerchantName().then((value) => { if (live) setName(value); });
    return () => { live = false; };
  }, []);
  return name;
}
