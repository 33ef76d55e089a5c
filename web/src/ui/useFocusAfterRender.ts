// Moves the focus once the next render is committed. A closing <dialog> hands the focus
// back to the button that opened it during its own effect; asking from the page (the
// dialog's parent, whose effects run after its children's) lets the page have the last
// word, e.g. back to a scanner field or onto a result message.
import { useCallback, useEffect, useState } from 'react';

interface Focusable { focus(): void }

export function useFocusAfterRender(): (target: { current: Focusable | null }) => void {
  const [request, setRequest] = useState<{ target: { current: Focusable | null } } | null>(null);
  useEffect(() => {
    request?.target.current?.focus();
  }, [request]);
  return useCallback((target) => setRequest({ target }), []);
}
