// The refund dialog's fields: an amount typed as decimals in the order's currency (read
// exactly into minor units), the most that may be refunded, and the reason.
import { formatMoney } from '../../format.ts';

export function RefundFields({ currency, refundable, amountError }: { currency: string; refundable: number; amountError: string | null }) {
  return (
    <>
      <div className="field">
        <label htmlFor="refund-amount">Amount ({currency})</label>
        <input
          id="refund-amount" name="amount" inputMode="decimal" autoComplete="off" required
          aria-invalid={amountError ? true : undefined} aria-describedby={amountError ? 'refund-amount-hint refund-amount-error' : 'refund-amount-hint'}
        />
        <span className="field-hint" id="refund-amount-hint">At most {formatMoney(refundable, currency)}: captured and not yet refunded.</span>
        {amountError ? <span className="field-error" id="refund-amount-error">{amountError}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="refund-reason">Reason</label>
        <textarea id="refund-reason" name="reason" required maxLength={500} rows={2} />
      </div>
      <p>The refund goes back to the payments it was captured from.</p>
    </>
  );
}
