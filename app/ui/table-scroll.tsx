/**
 * A data table that may be wider than a phone's screen: it scrolls sideways inside this region,
 * which keyboard users can focus and scroll with the arrow keys, and which is named for screen
 * readers (WCAG 1.4.10, 2.1.1).
 */
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // A focusable region is what lets a keyboard scroll it; its name says what it holds.
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </div>
  );
}
