import { forwardRef } from 'react';

export const ThankYou = forwardRef<HTMLHeadingElement, { already: boolean }>(function ThankYou({ already }, ref) {
  return (
    <section className="public-result public-success" aria-labelledby="survey-thanks-title">
      <h2 id="survey-thanks-title" ref={ref} tabIndex={-1}>Thank you for your feedback</h2>
      <p>{already ? 'This survey has already been answered. Each order gets one answer.' : 'Your answer helps us do better. We read every comment.'}</p>
    </section>
  );
});
