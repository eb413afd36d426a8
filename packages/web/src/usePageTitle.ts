import { useEffect } from 'react';

/** Sets the browser tab title: "<page> – Samen Veilig". */
export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title && title !== 'Samen Veilig' ? `${title} – Samen Veilig` : 'Samen Veilig';
  }, [title]);
}
