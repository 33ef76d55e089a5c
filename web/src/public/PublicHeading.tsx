// The page's one h1. After an in-app navigation it takes the focus, as the staff pages do.
import { useEffect, useRef, type ReactNode } from 'react';
import { takeNavigationFocus } from '../router/router.tsx';

export function PublicHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeNavigationFocus()) heading.current?.focus();
  }, []);
  return (
    <div className="public-heading">
      <h1 ref={heading} tabIndex={-1}>{children}</h1>
      {lead ? <p className="public-lead">{lead}</p> : null}
    </div>
  );
}
