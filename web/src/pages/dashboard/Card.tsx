import type { ReactNode } from 'react';

/** A titled panel of the dashboard. */
export function Card({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <section className={`card ${className ?? ''}`} aria-label={title}>
      <h2 className="card-title">{title}</h2>
      {children}
    </section>
  );
}
