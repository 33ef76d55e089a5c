// The rating and the comment. The items remind the customer which order it was.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { RatingStars } from './RatingStars.tsx';

export interface SurveyAnswer { rating: number; comment: string }

const COMMENT_LENGTH_MAX = 2000;

export function SurveyForm({ items, busy, problem, onSubmit }: { items: string[]; busy: boolean; problem: ReactNode; onSubmit(answer: SurveyAnswer): void }) {
  const id = useId();
  const [rating, setRating] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const comment = String(new FormData(event.currentTarget).get('comment') ?? '').trim();
    if (rating > 0) onSubmit({ rating, comment });
  };

  return (
    <form className="public-card form-stack" onSubmit={submit} aria-label="Your feedback">
      {items.length > 0 ? (
        <div>
          <p className="muted small">In this order</p>
          <ul className="plain-list">{items.map((name, i) => <li key={`${name}-${i}`}>{name}</li>)}</ul>
        </div>
      ) : null}
      <RatingStars value={rating} onChange={setRating} />
      <div className="field">
        <label htmlFor={`${id}-comment`}>Tell us more <span className="muted">(optional)</span></label>
        <textarea id={`${id}-comment`} name="comment" rows={4} maxLength={COMMENT_LENGTH_MAX} />
      </div>
      {problem}
      <button type="submit" className="button button-primary button-block" disabled={busy}>{busy ? 'Sending…' : 'Send feedback'}</button>
    </form>
  );
}
