// Ordered → shipped → delivered (or picked up) as a list of steps; the current one is
// marked for screen readers too, not only by colour.
const STAGE: Record<string, number> = {
  unfulfilled: 0, partially_fulfilled: 1, fulfilled: 1, ready_for_pickup: 1, partially_delivered: 1, delivered: 2, picked_up: 2,
};

export function OrderProgress({ fulfillmentStatus, pickup }: { fulfillmentStatus: string; pickup: boolean }) {
  const steps = pickup ? ['Ordered', 'Ready for pickup', 'Picked up'] : ['Ordered', 'Shipped', 'Delivered'];
  const current = STAGE[fulfillmentStatus] ?? 0;
  return (
    <ol className="progress" aria-label="Progress">
      {steps.map((step, i) => (
        <li key={step} className={i <= current ? 'progress-done' : undefined} aria-current={i === current ? 'step' : undefined}>
          {step}
          {i < current ? <span className="sr-only"> (done)</span> : null}
        </li>
      ))}
    </ol>
  );
}
