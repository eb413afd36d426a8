/**
 * Reference data versioned in this repository: regions of the source documents with their
 * gemeenten, the organisation types of the chain and the taxonomy of forms of violence.
 * See docs/reference-data.md for the sources.
 */
import { GEMEENTEN, REGIONS } from './regions.js';
import { GEWELDSVORMEN } from './geweldsvormen.js';
import { ORGANISATIETYPEN } from './organisatietypen.js';
import type { GemeenteRef, GeweldsvormRef, RegionRef } from './types.js';

export * from './types.js';
export { GEMEENTEN, REGIONS, GEWELDSVORMEN, ORGANISATIETYPEN };

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const gemeenteByKey = new Map<string, GemeenteRef>();
for (const g of GEMEENTEN) {
  gemeenteByKey.set(g.code.toUpperCase(), g);
  gemeenteByKey.set(fold(g.naam), g);
}
const geweldsvormCodes = new Set(GEWELDSVORMEN.map((v) => v.code));
const regionById = new Map(REGIONS.map((r) => [r.id, r]));

/** Finds a gemeente by CBS code ("GM0200", "0200", "200") or by name ("Apeldoorn", "'s-Hertogenbosch"). */
export function findGemeente(codeOrName: string): GemeenteRef | undefined {
  const v = codeOrName.trim();
  const digits = /^(?:GM)?(\d{1,4})$/i.exec(v);
  if (digits) return gemeenteByKey.get(`GM${digits[1]!.padStart(4, '0')}`);
  return gemeenteByKey.get(fold(v));
}

export function findRegion(id: string): RegionRef | undefined {
  return regionById.get(id);
}

export function gemeentenOfRegion(regionId: string): GemeenteRef[] {
  return GEMEENTEN.filter((g) => g.regionId === regionId);
}

export function isGeweldsvormCode(code: string): boolean {
  return geweldsvormCodes.has(code);
}

/** The category (top-level form) a form of violence belongs to. */
export function geweldscategorie(code: string): GeweldsvormRef | undefined {
  const form = GEWELDSVORMEN.find((v) => v.code === code);
  if (!form) return undefined;
  return form.categorie === null ? form : GEWELDSVORMEN.find((v) => v.code === form.categorie);
}

/** The gemeente whose postcode ranges contain this four-digit postcode, within the given region if any. */
export function gemeenteOfPostcode(digits: number, regionId?: string): GemeenteRef | undefined {
  return GEMEENTEN.find(
    (g) => (regionId === undefined || g.regionId === regionId) && g.postcodeRanges.some(([a, b]) => digits >= a && digits <= b),
  );
}
