// A 1-5 rating that looks like stars and is a real radio group: arrow keys move between
// the values, screen readers hear "4 stars, good, 4 of 5", and the browser insists on
// one being chosen before the form is sent.
import { useId } from 'react';

const MEANINGS = ['Very poor', 'Poor', 'Okay', 'Good', 'Excellent'];

export function RatingStars({ value, onChange }: { value: number; onChange(value: number): void }) {
  const id = useId();
  return (
    <fieldset className="stars-field">
      <legend>Your rating</legend>
      <div className="stars">
        {MEANINGS.map((meaning, i) => {
          const stars = i + 1;
          return (
            <span key={stars} className="star">
              <input type="radio" id={`${id}-${stars}`} name="rating" value={stars} required checked={value === stars} onChange={() => onChange(stars)} />
              <label htmlFor={`${id}-${stars}`} className={stars <= value ? 'star-on' : undefined}>
                <span aria-hidden="true">★</span>
                <span className="sr-only">{stars} {stars === 1 ? 'star' : 'stars'}, {meaning.toLowerCase()}</span>
              </label>
            </span>
          );
        })}
        <span className="stars-meaning" aria-hidden="true">{value > 0 ? MEANINGS[value - 1] : 'Choose 1 to 5 stars'}</span>
      </div>
    </fieldset>
  );
}
