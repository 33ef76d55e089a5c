// A refusal or failure told in the customer's words: a heading that takes the focus,
// what happened, what to do, and the server's messages about single fields.
import { forwardRef, type ReactNode } from 'react';
import type { ApiError } from '../api/client.ts';

export interface CustomerMessage { title: string; detail: ReactNode }

/** The generic words for failures every public call can meet; null for the others. */
export function commonMessage(error: ApiError): CustomerMessage | null {
  if (error.status === 429) return { title: 'Too many attempts', detail: 'Please wait a minute, then try again.' };
  if (error.status === 0) return { title: 'No connection', detail: 'We could not reach the shop. Check your connection and try again.' };
  if (error.status >= 500) return { title: 'Something went wrong on our side', detail: 'Please try again in a few minutes.' };
  return null;
}

export const PublicProblem = forwardRef<HTMLHeadingElement, { message: CustomerMessage; details?: string[]; action?: ReactNode }>(
  function PublicProblem({ message, details = [], action }, ref) {
    return (
      <section className="public-problem" role="alert">
        <h2 ref={ref} tabIndex={-1}>{message.title}</h2>
        <p>{message.detail}</p>
        {details.length > 0 ? <ul className="problem-fields">{details.map((text) => <li key={text}>{text}</li>)}</ul> : null}
        {action}
      </section>
    );
  },
);
