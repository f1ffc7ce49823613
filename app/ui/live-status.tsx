/**
 * A status message that screen readers announce, also when it comes with a page reached by a
 * client-side navigation. A live region is announced when its text changes, not when it appears
 * with its text already in it; so after a navigation the region is put in the page empty and its
 * text follows a moment later, and again on each new navigation (`announceKey`). Without
 * JavaScript, and on the page as the server sends it, the text is there from the start.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** False while React hydrates the server's page, true in any later render. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function LiveStatus({ text, announceKey, className }: { text: string | null; announceKey: string; className: string }) {
  const hydrated = useHydrated();
  const [shown, setShown] = useState(() => (hydrated ? null : text));
  // The server's page already shows its text; only later changes are put in anew.
  const fromServer = useRef(!hydrated && text !== null);
  useEffect(() => {
    if (fromServer.current) {
      fromServer.current = false;
      return;
    }
    setShown(null);
    if (text === null) return;
    const timer = setTimeout(() => setShown(text), 150);
    return () => clearTimeout(timer);
  }, [text, announceKey]);
  return (
    <p role="status" className={shown ? className : undefined}>
      {shown}
    </p>
  );
}
