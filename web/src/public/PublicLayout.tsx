// The frame of the customer pages: the shop's name, the page, and links to the other
// customer pages. No staff navigation, no sign-in. One narrow column, phone first.
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from '../router/router.tsx';
import { useMerchantName } from './merchant.ts';
import { PUBLIC_PATHS, withTenant } from './paths.ts';

const LINKS = [
  { to: PUBLIC_PATHS.track, label: 'Track an order' },
  { to: PUBLIC_PATHS.returnRequest, label: 'Return items' },
];

export function PublicLayout({ title, children }: { title: string; children: ReactNode }) {
  const merchant = useMerchantName();
  const { pathname } = useLocation();
  useEffect(() => {
    document.title = merchant ? `${title} · ${merchant}` : title;
  }, [title, merchant]);

  return (
    <div className="public">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="public-header">
        <p className="public-brand">{merchant ?? 'Customer service'}</p>
      </header>
      <main id="main" className="public-main" tabIndex={-1}>{children}</main>
      <footer className="public-footer">
        <nav aria-label="Customer service">
          <ul>
            {LINKS.map((link) => (
              <li key={link.to}>
                <Link to={withTenant(link.to)} aria-current={pathname === link.to ? 'page' : undefined}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </footer>
    </div>
  );
}
