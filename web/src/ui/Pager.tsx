// Cursor paging: "Next" follows the server's next_cursor; "First page" starts over. The
// cursor lives in the URL, so Back returns to the previous page.
import { Link } from '../router/router.tsx';

export function Pager({ nextHref, firstHref, shown, label = 'Pages' }: { nextHref: string | null; firstHref: string | null; shown: number; label?: string }) {
  return (
    <nav className="pager" aria-label={label}>
      <span className="pager-count">{shown} shown</span>
      {firstHref ? <Link className="button button-quiet" to={firstHref}>First page</Link> : null}
      {nextHref ? <Link className="button" to={nextHref} rel="next">Next page</Link> : null}
    </nav>
  );
}
