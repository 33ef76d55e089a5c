import { Link } from '../router/router.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>There is no page at this address. <Link to="/orders">Go to the orders</Link>.</p>
    </>
  );
}

export function ForbiddenPage() {
  return (
    <>
      <PageHeader title="Not available to your role" />
      <p>Your role may not open this page. Ask an admin if you need it.</p>
    </>
  );
}
