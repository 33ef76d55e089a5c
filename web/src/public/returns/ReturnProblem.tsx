// Why the shop refused a return (or could not find the order), in the customer's words;
// the server's field messages name the item they are about.
import { forwardRef } from 'react';
import type { ApiError } from '../../api/client.ts';
import { commonMessage, PublicProblem, type CustomerMessage } from '../PublicProblem.tsx';

const TITLES: Record<string, string> = {
  return_window_closed: 'The return window for this order has closed',
  not_returnable: 'Some of these items cannot be returned',
  exceeds_returnable_quantity: 'That is more than can be returned',
  not_delivered: 'This order has not been delivered yet',
};

function messageFor(error: ApiError): CustomerMessage {
  const common = commonMessage(error);
  if (common) return common;
  if (error.status === 404) return { title: 'We couldn\'t find an order with that number and e-mail', detail: 'Check both against your order confirmation. Use the e-mail address you ordered with.' };
  const title = TITLES[error.code];
  if (title) return { title, detail: error.message };
  if (error.status === 409 || error.status === 422) return { title: 'We could not accept this return', detail: error.message };
  return { title: error.title || 'Something went wrong', detail: error.message };
}

/** The server's field messages; `items[1].quantity` names the second submitted item. */
function details(error: ApiError, submitted: string[]): string[] {
  return error.errors.map((e) => {
    const index = /^\/?items(?:\[|\/)(\d+)/.exec(e.path)?.[1];
    const name = index === undefined ? undefined : submitted[Number(index)];
    return name ? `${name}: ${e.message}` : e.message;
  });
}

/** `submitted`: the names of the items sent, in the order sent. */
export const ReturnProblem = forwardRef<HTMLHeadingElement, { error: ApiError; submitted: string[] }>(function ReturnProblem({ error, submitted }, ref) {
  return <PublicProblem ref={ref} message={messageFor(error)} details={details(error, submitted)} />;
});
