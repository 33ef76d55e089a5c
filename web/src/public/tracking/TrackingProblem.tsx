// Why a lookup found nothing, in words that do not reveal whether the order exists.
import { forwardRef } from 'react';
import type { ApiError } from '../../api/client.ts';
import { commonMessage, PublicProblem, type CustomerMessage } from '../PublicProblem.tsx';

function messageFor(error: ApiError, byTrackingNumber: boolean): CustomerMessage {
  const common = commonMessage(error);
  if (common) return common;
  if (error.status === 404) {
    return byTrackingNumber
      ? { title: 'We couldn\'t find a parcel with that tracking number', detail: 'Check the number in your shipping e-mail, or look up your order by its number and e-mail instead.' }
      : { title: 'We couldn\'t find an order with that number and e-mail', detail: 'Check both against your order confirmation. Use the e-mail address you ordered with.' };
  }
  if (error.status === 422) return { title: 'Please check what you entered', detail: error.message };
  return { title: error.title || 'Something went wrong', detail: error.message };
}

export const TrackingProblem = forwardRef<HTMLHeadingElement, { error: ApiError; byTrackingNumber: boolean }>(
  function TrackingProblem({ error, byTrackingNumber }, ref) {
    return <PublicProblem ref={ref} message={messageFor(error, byTrackingNumber)} details={error.status === 422 ? error.errors.map((e) => e.message) : []} />;
  },
);
