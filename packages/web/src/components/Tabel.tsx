import { Table, TableBody, TableCaption, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useId, type ReactNode } from 'react';
import { ScrollRegion } from './ScrollRegion';

/**
 * A data table with a caption and column headers (scope="col"), scrolling sideways on small screens.
 * Rows are the children; start each with a row header (TableHeaderCell scope="row").
 */
export function Tabel({ titel, kolommen, className, children }: { titel: ReactNode; kolommen: string[]; className?: string; children: ReactNode }) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className={className ? `sv-table ${className}` : 'sv-table'}>
        <TableCaption id={captionId} className="sv-table__caption">
          {titel}
        </TableCaption>
        <TableHeader>
          <TableRow>
            {kolommen.map((k) => (
              <TableHeaderCell key={k} scope="col">
                {k}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </ScrollRegion>
  );
}
