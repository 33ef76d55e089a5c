// The frame around every signed-in page: skip link, brand, navigation (a drawer on
// narrow screens), the user's menu, and the main region.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSession } from '../auth/session.tsx';
import { humanize } from '../format.ts';
import { Link, useLocation } from '../router/router.tsx';
import { NavMenu } from './NavMenu.tsx';

export function Shell({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  const menuButton = useRef<HTMLButtonElement>(null);
  useEffect(() => setMenuOpen(false), [pathname]);
  // Escape closes the drawer and gives the focus back to its button.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  const who = me?.user ? (me.user.name ?? me.user.email) : 'API key';

  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <button type="button" ref={menuButton} className="menu-button" aria-expanded={menuOpen} aria-controls="sidebar" onClick={() => setMenuOpen((open) => !open)}>
          <span aria-hidden="true">☰</span> Menu
        </button>
        <Link className="brand" to="/">Ordo</Link>
        <div className="account">
          <span className="account-name">{who}</span>
          <span className="account-role">{humanize(me?.role ?? '')}</span>
          <button type="button" className="button button-quiet" onClick={() => void signOut()}>Sign out</button>
        </div>
      </header>
      <aside id="sidebar" className={`sidebar ${menuOpen ? 'sidebar-open' : ''}`}>
        <NavMenu onNavigate={() => setMenuOpen(false)} />
      </aside>
      <main id="main" className="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
