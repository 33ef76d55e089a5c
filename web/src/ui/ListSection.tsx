// A titled section listing one page of a resource as a table, with the loading, error
// and empty states every list has.
import { useId, type ReactNode } from 'react';
import type { Page } from '../api/types.ts';
import type { Resource } from '../api/useApi.ts';
import { Empty, ErrorState, Loading } from './States.tsx';
import { TableWrap } from './TableWrap.tsx';

export interface ListSectionProps<T> {
  title: string;
  /** The table's accessible name. */
  tableLabel: string;
  resource: Resource<Page<T>>;
  loadingLabel: string;
  emptyTitle: string;
  /** The header row's cells. */
  columns: ReactNode;
  row(item: T): ReactNode;
}

export function ListSection<T>({ title, tableLabel, resource, loadingLabel, emptyTitle, columns, row }: ListSectionProps<T>) {
  const titleId = useId();
  const items = resource.data?.data;
  return (
    <section className="section" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">{title}</h2>
      {resource.loading ? <Loading label={loadingLabel} /> : null}
      {resource.error ? <ErrorState error={resource.error} onRetry={resource.reload} /> : null}
      {items && items.length === 0 ? <Empty title={emptyTitle} /> : null}
      {items && items.length > 0 ? (
        <TableWrap label={tableLabel}>
          <thead><tr>{columns}</tr></thead>
          <tbody>{items.map(row)}</tbody>
        </TableWrap>
      ) : null}
    </section>
  );
}
