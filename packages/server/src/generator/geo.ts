/**
 * Geography of a generation run: the gemeenten of the chosen regions weighted by inhabitants,
 * and synthetic addresses whose postcode digits lie in the gemeente's ranges.
 */
import { GEMEENTEN, REGIONS, type GemeenteRef, type RegionRef } from '@samenveilig/domain';
import { COMMON_STREETS, STREET_ENDINGS, STREET_STEMS, TOEVOEGINGEN } from './lists/places.js';
import { Weighted, type Rng } from './rng.js';

export interface Address {
  readonly straat: string;
  readonly huisnummer: number;
  readonly huisnummerToevoeging?: string;
  /** "1234 AB" */
  readonly postcode: string;
  readonly woonplaats: string;
  /** CBS code of the gemeente. */
  readonly gemeente: string;
  readonly geheim?: true;
}

/** Letters used in Dutch postcodes (F, I, O, Q, U and Y are not used); SA, SD and SS never. */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
const TOEVOEGING_PICK = Weighted.of(TOEVOEGINGEN);

interface GeoGemeente {
  readonly ref: GemeenteRef;
  readonly regionIndex: number;
  readonly ranges: Weighted<readonly [number, number]>;
  readonly woonplaatsen: Weighted<string>;
}

export class Geography {
  readonly regions: readonly RegionRef[];
  readonly gemeenten: readonly GeoGemeente[];
  private readonly pickAll: Weighted<number>;
  /** Per region index: weighted gemeente indexes of that region. */
  private readonly pickInRegion: readonly Weighted<number>[];
  /** Per region index: the shelter (opvang) addresses, secret. */
  readonly shelters: readonly (readonly Address[])[];

  constructor(regionIds: readonly string[], shelterRng: Rng) {
    if (regionIds.length === 0) throw new Error('generate: at least one region is required');
    const regions: RegionRef[] = [];
    for (const id of regionIds) {
      const region = REGIONS.find((r) => r.id === id);
      if (!region) throw new Error(`generate: unknown region "${id}" (known: ${REGIONS.map((r) => r.id).join(', ')})`);
      if (!regions.includes(region)) regions.push(region);
    }
    this.regions = regions;
    const gemeenten: GeoGemeente[] = [];
    regions.forEach((region, regionIndex) => {
      for (const g of GEMEENTEN) {
        if (g.regionId !== region.id) continue;
        const ranges = g.postcodeRanges.filter(([a, b]) => a >= 1000 && b <= 9999 && a <= b);
        if (ranges.length === 0 || g.inwoners <= 0) continue;
        const woonplaatsen = g.woonplaatsen.length > 0 ? g.woonplaatsen : [g.naam];
        gemeenten.push({
          ref: g,
          regionIndex,
          ranges: new Weighted(
            ranges,
            ranges.map(([a, b]) => b - a + 1),
          ),
          // The main place first and largest; the others share the rest.
          woonplaatsen: new Weighted(
            woonplaatsen,
            woonplaatsen.map((_, i) => (i === 0 ? Math.max(1, woonplaatsen.length - 1) * 1.5 : 1)),
          ),
        });
      }
    });
    if (gemeenten.length === 0) throw new Error(`generate: no gemeenten with postcodes in regions ${regionIds.join(', ')}`);
    this.gemeenten = gemeenten;
    this.pickAll = new Weighted(
      gemeenten.map((_, i) => i),
      gemeenten.map((g) => g.ref.inwoners),
    );
    this.pickInRegion = regions.map((_, r) => {
      const idx = gemeenten.map((g, i) => (g.regionIndex === r ? i : -1)).filter((i) => i >= 0);
      return idx.length > 0
        ? new Weighted(
            idx,
            idx.map((i) => gemeenten[i]!.ref.inwoners),
          )
        : this.pickAll;
    });
    // Two or three shelter addresses per region, in the centrumgemeente when it is present.
    this.shelters = regions.map((region, r) => {
      const central = gemeenten.findIndex((g) => g.ref.code === region.centrumgemeenteCode);
      const count = 2 + shelterRng.int(2);
      const list: Address[] = [];
      for (let i = 0; i < count; i++) {
        const g = central >= 0 ? central : this.pickInRegion[r]!.pick(shelterRng);
        list.push({ ...this.address(shelterRng, g), geheim: true });
      }
      return list;
    });
  }

  /** A gemeente index, weighted by inhabitants over all chosen regions. */
  pickGemeente(rng: Rng): number {
    return this.pickAll.pick(rng);
  }

  /** A gemeente index in the same region as the given one (the same one is possible). */
  pickGemeenteNear(rng: Rng, gemeenteIndex: number): number {
    return this.pickInRegion[this.gemeenten[gemeenteIndex]!.regionIndex]!.pick(rng);
  }

  regionCount(gemeenteIndex: number): number {
    const r = this.gemeenten[gemeenteIndex]!.regionIndex;
    return this.gemeenten.reduce((n, g) => n + (g.regionIndex === r ? 1 : 0), 0);
  }

  shelter(rng: Rng, gemeenteIndex: number): Address {
    return rng.pick(this.shelters[this.gemeenten[gemeenteIndex]!.regionIndex]!);
  }

  /** A synthetic address in the gemeente. */
  address(rng: Rng, gemeenteIndex: number): Address {
    const g = this.gemeenten[gemeenteIndex]!;
    const straat = rng.chance(0.3) ? rng.pick(COMMON_STREETS) : rng.pick(STREET_STEMS) + rng.pick(STREET_ENDINGS);
    // Low numbers are the most common.
    const r = rng.float();
    const huisnummer = 1 + Math.floor(r * r * (r < 0.97 ? 180 : 600));
    const [from, to] = g.ranges.pick(rng);
    const digits = from + rng.int(to - from + 1);
    let letters: string;
    do {
      letters = POSTCODE_LETTERS[rng.int(POSTCODE_LETTERS.length)]! + POSTCODE_LETTERS[rng.int(POSTCODE_LETTERS.length)]!;
    } while (letters === 'SA' || letters === 'SD' || letters === 'SS');
    const address: Address = {
      straat,
      huisnummer,
      postcode: `${digits} ${letters}`,
      woonplaats: g.woonplaatsen.pick(rng),
      gemeente: g.ref.code,
    };
    if (rng.chance(0.09)) return { ...address, huisnummerToevoeging: TOEVOEGING_PICK.pick(rng) };
    return address;
  }
}
