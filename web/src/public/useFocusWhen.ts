// Moves the focus to an element (a result's or an error's heading) once it appears after
// the customer submitted something, so screen readers announce the outcome and the
// keyboard continues from there. Page loads and re-renders do not steal the focus.
import { useEffect, useRef, type RefObject } from 'react';

export function useFocusWhen<T extends HTMLElement>(target: RefObject<T | null>, shown: unknown): { arm(): void } {
  const armed = useRef(false);
  useEffect(() => {
    if (!armed.current || !shown || !target.current) return;
    armed.current = false;
    target.current.focus();
  }, [target, shown]);
  return { arm: () => { armed.current = true; } };
}
