import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Lets wide content (a table) scroll sideways on small screens. Only while it actually scrolls is it a
 * focusable, named region, so keyboard users can scroll it and nobody gets an empty tab stop otherwise.
 */
export function ScrollRegion({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollable, setScrollable] = useState(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setScrollable(el.scrollWidth > el.clientWidth + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={ref}
      className="sv-table-scroll"
      {...(scrollable ? { role: 'region', 'aria-labelledby': labelledBy, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
