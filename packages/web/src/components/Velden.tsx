/**
 * Accessible form fields on NL Design System components: every input has a label, and its
 * description and error message are linked with aria-describedby.
 */
import {
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
  type TextboxProps,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}

interface VeldBasis {
  id: string;
  label: ReactNode;
  /** Help text under the label. */
  uitleg?: ReactNode;
  /** Error message; the field is marked invalid while it is set. */
  fout?: string | null | undefined;
  /** Adds "(verplicht)" to the label and aria-required to the input. */
  verplicht?: boolean;
}

function Label({ id, label, verplicht }: { id: string; label: ReactNode; verplicht?: boolean | undefined }) {
  return (
    <FormLabel htmlFor={id}>
      {label}
      {verplicht ? null : <span className="sv-optioneel"> (niet verplicht)</span>}
    </FormLabel>
  );
}

function Uitleg({ id, children }: { id: string; children: ReactNode }) {
  return <FormFieldDescription id={id}>{children}</FormFieldDescription>;
}

function Fout({ id, children }: { id: string; children: ReactNode }) {
  return (
    <FormFieldErrorMessage id={id} className="sv-veldfout">
      <span className="sv-visually-hidden">Fout: </span>
      {children}
    </FormFieldErrorMessage>
  );
}

export interface TekstveldProps extends VeldBasis, Omit<TextboxProps, 'id' | 'invalid' | 'required' | 'onChange' | 'value'> {
  waarde: string;
  onWijzig: (waarde: string) => void;
}

export function Tekstveld({ id, label, uitleg, fout, verplicht, waarde, onWijzig, className, ...input }: TekstveldProps) {
  const uitlegId = uitleg ? `${id}-uitleg` : undefined;
  const foutId = fout ? `${id}-fout` : undefined;
  return (
    <FormField
      className={className ? `sv-veld ${className}` : 'sv-veld'}
      invalid={!!fout}
      label={<Label id={id} label={label} verplicht={verplicht} />}
      description={uitleg && uitlegId ? <Uitleg id={uitlegId}>{uitleg}</Uitleg> : undefined}
      input={
        <Textbox
          {...input}
          id={id}
          value={waarde}
          onChange={(e) => onWijzig(e.target.value)}
          required={verplicht}
          invalid={!!fout}
          aria-describedby={describedBy(uitlegId, foutId)}
        />
      }
      errorMessage={fout && foutId ? <Fout id={foutId}>{fout}</Fout> : undefined}
    />
  );
}

export interface TekstvakProps extends VeldBasis {
  waarde: string;
  onWijzig: (waarde: string) => void;
  rows?: number;
  maxLength?: number;
}

export function Tekstvak({ id, label, uitleg, fout, verplicht, waarde, onWijzig, rows = 4, maxLength }: TekstvakProps) {
  const uitlegId = uitleg ? `${id}-uitleg` : undefined;
  const foutId = fout ? `${id}-fout` : undefined;
  return (
    <FormField
      className="sv-veld"
      invalid={!!fout}
      label={<Label id={id} label={label} verplicht={verplicht} />}
      description={uitleg && uitlegId ? <Uitleg id={uitlegId}>{uitleg}</Uitleg> : undefined}
      input={
        <Textarea
          id={id}
          value={waarde}
          rows={rows}
          maxLength={maxLength}
          onChange={(e) => onWijzig(e.target.value)}
          aria-required={verplicht || undefined}
          invalid={!!fout}
          aria-invalid={fout ? true : undefined}
          aria-describedby={describedBy(uitlegId, foutId)}
        />
      }
      errorMessage={fout && foutId ? <Fout id={foutId}>{fout}</Fout> : undefined}
    />
  );
}

export interface Keuze {
  waarde: string;
  label: string;
}

export interface KeuzelijstProps extends VeldBasis {
  waarde: string;
  onWijzig: (waarde: string) => void;
  keuzes: Keuze[];
  /** Text of the empty first option; leave out to have no empty option. */
  leeg?: string;
  disabled?: boolean;
}

export function Keuzelijst({ id, label, uitleg, fout, verplicht, waarde, onWijzig, keuzes, leeg, disabled }: KeuzelijstProps) {
  const uitlegId = uitleg ? `${id}-uitleg` : undefined;
  const foutId = fout ? `${id}-fout` : undefined;
  return (
    <FormField
      className="sv-veld"
      invalid={!!fout}
      label={<Label id={id} label={label} verplicht={verplicht} />}
      description={uitleg && uitlegId ? <Uitleg id={uitlegId}>{uitleg}</Uitleg> : undefined}
      input={
        <Select
          id={id}
          value={waarde}
          disabled={disabled}
          onChange={(e) => onWijzig(e.target.value)}
          aria-required={verplicht || undefined}
          invalid={!!fout}
          aria-invalid={fout ? true : undefined}
          aria-describedby={describedBy(uitlegId, foutId)}
        >
          {leeg !== undefined ? <SelectOption value="">{leeg}</SelectOption> : null}
          {keuzes.map((k) => (
            <SelectOption key={k.waarde} value={k.waarde}>
              {k.label}
            </SelectOption>
          ))}
        </Select>
      }
      errorMessage={fout && foutId ? <Fout id={foutId}>{fout}</Fout> : undefined}
    />
  );
}

export interface VinkjesProps {
  /** Id prefix; the fieldset gets this id, each checkbox `${id}-${waarde}`. */
  id: string;
  legenda: ReactNode;
  uitleg?: ReactNode;
  fout?: string | null | undefined;
  keuzes: Keuze[];
  gekozen: readonly string[];
  onWijzig: (gekozen: string[]) => void;
}

/** A group of checkboxes in a fieldset with a legend. */
export function Vinkjes({ id, legenda, uitleg, fout, keuzes, gekozen, onWijzig }: VinkjesProps) {
  const uitlegId = uitleg ? `${id}-uitleg` : undefined;
  const foutId = fout ? `${id}-fout` : undefined;
  const zet = (waarde: string, aan: boolean) => {
    const set = new Set(gekozen);
    if (aan) set.add(waarde);
    else set.delete(waarde);
    onWijzig(keuzes.map((k) => k.waarde).filter((w) => set.has(w)));
  };
  return (
    <Fieldset id={id} className="sv-fieldset" invalid={!!fout} aria-describedby={describedBy(uitlegId, foutId)}>
      <FieldsetLegend>{legenda}</FieldsetLegend>
      {uitleg && uitlegId ? <Uitleg id={uitlegId}>{uitleg}</Uitleg> : null}
      {fout && foutId ? <Fout id={foutId}>{fout}</Fout> : null}
      {keuzes.map((k) => {
        const vinkId = `${id}-${k.waarde}`;
        return (
          <FormField
            key={k.waarde}
            type="checkbox"
            className="sv-vinkje"
            label={
              <FormLabel htmlFor={vinkId} type="checkbox" checked={gekozen.includes(k.waarde)}>
                {k.label}
              </FormLabel>
            }
            input={
              <Checkbox
                id={vinkId}
                checked={gekozen.includes(k.waarde)}
                invalid={!!fout}
                onChange={(e) => zet(k.waarde, e.target.checked)}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}

export interface EnkelVinkjeProps {
  id: string;
  label: ReactNode;
  aan: boolean;
  onWijzig: (aan: boolean) => void;
  uitleg?: ReactNode;
}

export function EnkelVinkje({ id, label, aan, onWijzig, uitleg }: EnkelVinkjeProps) {
  const uitlegId = uitleg ? `${id}-uitleg` : undefined;
  return (
    <FormField
      type="checkbox"
      className="sv-vinkje"
      label={
        <FormLabel htmlFor={id} type="checkbox" checked={aan}>
          {label}
        </FormLabel>
      }
      description={uitleg && uitlegId ? <Uitleg id={uitlegId}>{uitleg}</Uitleg> : undefined}
      input={<Checkbox id={id} checked={aan} onChange={(e) => onWijzig(e.target.checked)} aria-describedby={uitlegId} />}
    />
  );
}

export interface KeuzerondjesProps {
  id: string;
  legenda: ReactNode;
  fout?: string | null | undefined;
  keuzes: Keuze[];
  waarde: string;
  onWijzig: (waarde: string) => void;
  verplicht?: boolean;
}

/** Radio buttons in a fieldset with a legend. */
export function Keuzerondjes({ id, legenda, fout, keuzes, waarde, onWijzig, verplicht }: KeuzerondjesProps) {
  const foutId = fout ? `${id}-fout` : undefined;
  return (
    <Fieldset id={id} className="sv-fieldset" invalid={!!fout} aria-describedby={foutId} role="radiogroup" required={verplicht}>
      <FieldsetLegend>{legenda}</FieldsetLegend>
      {fout && foutId ? <Fout id={foutId}>{fout}</Fout> : null}
      {keuzes.map((k) => {
        const rondjeId = `${id}-${k.waarde}`;
        return (
          <FormField
            key={k.waarde}
            type="radio"
            className="sv-vinkje"
            label={
              <FormLabel htmlFor={rondjeId} type="radio" checked={waarde === k.waarde}>
                {k.label}
              </FormLabel>
            }
            input={
              <RadioButton
                id={rondjeId}
                name={id}
                value={k.waarde}
                checked={waarde === k.waarde}
                invalid={!!fout}
                onChange={(e) => {
                  if (e.target.checked) onWijzig(k.waarde);
                }}
              />
            }
          />
        );
      })}
    </Fieldset>
  );
}

/** Moves focus to the element with this id (the first invalid field, an alert), after React has rendered it. */
export function focusOp(id: string): void {
  window.setTimeout(() => {
    const el = document.getElementById(id);
    if (!el) return;
    // A fieldset: focus its first input.
    const target = el.matches('input, select, textarea, button, a') ? el : (el.querySelector<HTMLElement>('input, select, textarea') ?? el);
    if (target === el && !el.matches('input, select, textarea, button, a') && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    target.focus();
  }, 0);
}
