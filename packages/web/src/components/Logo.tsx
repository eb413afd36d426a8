/** The Samen Veilig mark: a shield with a check. Decorative; the site name is always next to it. */
export function Logo() {
  return (
    <svg className="sv-logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" className="sv-logo__bg" />
      <path d="M16 6 7 10v6c0 5.5 3.8 9.6 9 11 5.2-1.4 9-5.5 9-11v-6z" className="sv-logo__shield" />
      <path d="m12 16 3 3 6-6" className="sv-logo__check" />
    </svg>
  );
}
