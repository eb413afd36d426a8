import { Link, type LinkProps } from '@utrecht/component-library-react';
import type { MouseEvent } from 'react';
import { isModifiedClick, navigate } from '../router';

export interface AppLinkProps extends LinkProps {
  /** A path inside this app, e.g. "/referentie". */
  href: string;
}

/** A link to another page of this app: navigates without a reload, and still works as a normal link. */
export function AppLink({ href, onClick, ...rest }: AppLinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || isModifiedClick(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return <Link href={href} onClick={handleClick} {...rest} />;
}
