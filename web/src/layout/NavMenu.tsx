// The side navigation: sections of links; the current page is marked for assistive tech.
import { useSession } from '../auth/session.tsx';
import { Link, useLocation } from '../router/router.tsx';
import { NAV, isCurrent } from './nav.ts';

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { can } = useSession();
  const { pathname } = useLocation();
  return (
    <nav className="nav" aria-label="Main">
      {NAV.map((section) => {
        const items = section.items.filter((item) => can(item.permission));
        if (items.length === 0) return null;
        return (
          <div className="nav-section" key={section.label}>
            <p className="nav-section-label">{section.label}</p>
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="nav-link" aria-current={isCurrent(item.to, pathname) ? 'page' : undefined} onClick={onNavigate}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
