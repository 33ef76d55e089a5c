// The return is registered: its number, its state, and what happens next.
import { forwardRef } from 'react';
import { returnStatusLabel } from '../labels.ts';
import type { ReturnRequested } from '../types.ts';

export const ReturnConfirmation = forwardRef<HTMLHeadingElement, { requested: ReturnRequested; orderNumber: string }>(
  function ReturnConfirmation({ requested, orderNumber }, ref) {
    return (
      <section className="public-result public-success" aria-labelledby="return-done-title">
        <h2 id="return-done-title" ref={ref} tabIndex={-1}>Return #{requested.number} requested</h2>
        <dl className="facts facts-inline">
          <div><dt>Return number</dt><dd className="mono">{requested.number}</dd></div>
          <div><dt>Order</dt><dd>#{orderNumber}</dd></div>
          <div><dt>Status</dt><dd>{returnStatusLabel(requested.status)}</dd></div>
        </dl>
        <p>We will e-mail you once it is reviewed. Please quote the return number on anything you send back.</p>
      </section>
    );
  },
);
