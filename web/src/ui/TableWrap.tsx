// A table that scrolls sideways on narrow screens; the scroll area is reachable by keyboard.
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table className="table" aria-label={label}>{children}</table>
    </div>
  );
}
