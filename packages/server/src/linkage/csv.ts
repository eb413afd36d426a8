/**
 * Reading person records from any CSV file for `samenveilig link` and `dedupe`: the header names
 * the columns, `--map ROLE=COLUMN` says which column plays which role, every value is trimmed and
 * an empty value means unknown. Values are checked (real dates, BSN 11-proef, postcodes); a bad
 * value is an error that names the file, line, column and role, in Dutch.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse, CsvError } from 'csv-parse';
import { isRealDate, normaliseBsn, normalisePostcode, sexCode, type LinkInput } from '@samenveilig/domain';

/** The roles a column can play. */
export const ROLES = ['id', 'given_name', 'call_name', 'prefix', 'surname', 'full_name', 'birth_date', 'sex', 'national_id', 'street', 'house_number', 'postcode', 'city', 'phone'] as const;
export type Role = (typeof ROLES)[number];

/** Role -> column name in the header. */
export type RoleMap = Partial<Record<Role, string>>;

/** Dutch names of the roles, for messages. */
export const ROLE_NL: Record<Role, string> = {
  id: 'id',
  given_name: 'voornamen',
  call_name: 'roepnaam',
  prefix: 'tussenvoegsel',
  surname: 'achternaam',
  full_name: 'volledige naam',
  birth_date: 'geboortedatum',
  sex: 'geslacht',
  national_id: 'BSN',
  street: 'straat',
  house_number: 'huisnummer',
  postcode: 'postcode',
  city: 'woonplaats',
  phone: 'telefoonnummer',
};

/** A problem with the input: the message names file, line and field. Nothing is written. */
export class LinkageInputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'LinkageInputError';
  }
}

/** Parses `ROLE=COLUMN` entries (each may hold several, comma-separated) into a role map. */
export function parseRoleMap(entries: readonly string[]): RoleMap {
  const map: RoleMap = {};
  for (const entry of entries.flatMap((e) => e.split(','))) {
    const text = entry.trim();
    if (!text) continue;
    const eq = text.indexOf('=');
    if (eq <= 0 || eq === text.length - 1) throw new LinkageInputError(`--map ${text}: schrijf ROL=KOLOM, bijvoorbeeld surname=achternaam`);
    const role = text.slice(0, eq).trim();
    const column = text.slice(eq + 1).trim();
    if (!(ROLES as readonly string[]).includes(role)) throw new LinkageInputError(`--map ${text}: onbekende rol '${role}'; kies uit ${ROLES.join(', ')}`);
    if (map[role as Role] !== undefined) throw new LinkageInputError(`--map: rol '${role}' staat er twee keer in`);
    map[role as Role] = column;
  }
  return map;
}

/**
 * Parses a date written as YYYYMMDD, YYYY-MM-DD or DD-MM-YYYY to YYYY-MM-DD; null when it is
 * none of these; throws-free: 'invalid' when the form is right but the date does not exist.
 */
export function parseDate(value: string): string | null | 'invalid' {
  let y: number;
  let m: number;
  let d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(value)) || (match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if ((match = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(value))) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else return null;
  if (!isRealDate(y, m, d) || y < 1850 || y > 2200) return 'invalid';
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Roles whose value is taken as written (the engine normalises them). */
const TEXT_ROLES: readonly (readonly [Role, 'givenNames' | 'callName' | 'prefix' | 'surname' | 'fullName' | 'street' | 'city' | 'phone'])[] = [
  ['given_name', 'givenNames'],
  ['call_name', 'callName'],
  ['prefix', 'prefix'],
  ['surname', 'surname'],
  ['full_name', 'fullName'],
  ['street', 'street'],
  ['city', 'city'],
  ['phone', 'phone'],
];

const SEX_UNKNOWN = new Set(['x', 'o', 'u', 'onbekend', 'unknown', 'anders', 'overig', 'nvt']);

/** Guesses the field delimiter from the header line: ',', ';' or a tab. */
async function sniffDelimiter(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8');
    const nl = text.search(/\r?\n/);
    const header = nl >= 0 ? text.slice(0, nl) : text;
    const count = (c: string) => header.split(c).length - 1;
    const candidates: [string, number][] = [
      [',', count(',')],
      [';', count(';')],
      ['\t', count('\t')],
    ];
    candidates.sort((a, b) => b[1] - a[1]);
    return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
  } finally {
    await handle.close();
  }
}

export interface ReadOptions {
  /** How the file is called in messages ("A.csv", or "links"). */
  label?: string;
  /** Stop after this many problems (default 20). */
  maxProblems?: number;
  /** Called with the number of records read, at most every two seconds. */
  onProgress?: (lines: number) => void;
}

/**
 * Reads and checks all records of a CSV file. Throws LinkageInputError naming every problem
 * found (up to `maxProblems`): missing mapped columns, a row with the wrong number of fields,
 * impossible dates, BSNs failing the 11-proef, malformed postcodes, duplicate or empty ids.
 */
export async function readRecords(path: string, roles: RoleMap, options: ReadOptions = {}): Promise<LinkInput[]> {
  const label = options.label ?? path;
  const maxProblems = options.maxProblems ?? 20;
  let delimiter: string;
  try {
    delimiter = await sniffDelimiter(path);
  } catch (err) {
    throw new LinkageInputError(`${label}: kan het bestand niet lezen (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, trim: true, skip_empty_lines: true, relax_quotes: false, info: true, max_record_size: 1_000_000 }),
  );
  const problems: string[] = [];
  const records: LinkInput[] = [];
  const ids = new Set<string>();
  let header: string[] | null = null;
  let index: Partial<Record<Role, number>> = {};
  const mapped: [Role, number][] = [];
  let line = 1;
  let lastProgress = Date.now();
  const problem = (msg: string) => {
    problems.push(msg);
    if (problems.length >= maxProblems) throw new StopReading();
  };
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const row = item.record;
      line = item.info.lines;
      if (header === null) {
        header = row;
        const roleEntries = Object.entries(roles) as [Role, string][];
        const effective: [Role, string][] = roleEntries.length > 0 ? roleEntries : ROLES.filter((r) => header!.includes(r)).map((r) => [r, r]);
        if (effective.length === 0) throw new LinkageInputError(`${label}: geen kolommen gekoppeld; geef --map ROL=KOLOM (rollen: ${ROLES.join(', ')}) of noem de kolommen naar de rollen`);
        const missing = effective.filter(([, column]) => !header!.includes(column));
        if (missing.length > 0) {
          throw new LinkageInputError(
            `${label}: kolom${missing.length > 1 ? 'men' : ''} ${missing.map(([role, column]) => `'${column}' (rol ${role})`).join(', ')} niet gevonden in de kopregel; aanwezig: ${header.join(', ')}`,
          );
        }
        index = Object.fromEntries(effective.map(([role, column]) => [role, header!.indexOf(column)]));
        mapped.push(...(Object.entries(index) as [Role, number][]));
        if (!mapped.some(([r]) => r === 'given_name' || r === 'surname' || r === 'full_name' || r === 'birth_date' || r === 'national_id' || r === 'call_name'))
          throw new LinkageInputError(`${label}: koppel ten minste een naam, geboortedatum of BSN (--map surname=..., birth_date=..., ...)`);
        continue;
      }
      const at = (role: Role): string => {
        const i = index[role];
        return i === undefined ? '' : (row[i] ?? '');
      };
      const where = (role: Role) => `${label} regel ${line}, kolom '${header![index[role]!]}' (${ROLE_NL[role]})`;
      const r: LinkInput = { id: '' };
      let id = at('id');
      if (index.id !== undefined) {
        if (!id) problem(`${where('id')}: id is leeg`);
        else if (ids.has(id)) problem(`${where('id')}: id '${id}' komt al eerder voor`);
        ids.add(id);
      } else id = String(line);
      r.id = id;
      for (const [role, field] of TEXT_ROLES) {
        const v = at(role);
        if (v) r[field] = v;
      }
      const birth = at('birth_date');
      if (birth) {
        const parsed = parseDate(birth);
        if (parsed === null) problem(`${where('birth_date')}: '${birth}' is geen datum; schrijf JJJJMMDD, JJJJ-MM-DD of DD-MM-JJJJ`);
        else if (parsed === 'invalid') problem(`${where('birth_date')}: '${birth}' is geen bestaande datum`);
        else r.birthDate = parsed;
      }
      const sex = at('sex');
      if (sex) {
        if (sexCode(sex) !== 0) r.sex = sex;
        else if (!SEX_UNKNOWN.has(sex.toLowerCase())) problem(`${where('sex')}: '${sex}' is geen geslacht; gebruik man/vrouw, m/v of leeg`);
      }
      const bsn = at('national_id');
      if (bsn) {
        const normal = normaliseBsn(bsn);
        if (normal === null) problem(`${where('national_id')}: BSN '${bsn}' voldoet niet aan de 11-proef`);
        else r.nationalId = normal;
      }
      const postcode = at('postcode');
      if (postcode) {
        const normal = normalisePostcode(postcode);
        if (normal === null) problem(`${where('postcode')}: '${postcode}' is geen geldige postcode (vier cijfers en twee letters, zoals 1234 AB)`);
        else r.postcode = normal;
      }
      const house = at('house_number');
      if (house) {
        if (!/^\d{1,6}\b/.test(house) && !/^\d{1,6}[a-zA-Z]/.test(house)) problem(`${where('house_number')}: '${house}' is geen huisnummer (begint met cijfers)`);
        else r.houseNumber = house;
      }
      records.push(r);
      if (options.onProgress && (records.length & 8191) === 0 && Date.now() - lastProgress >= 2000) {
        lastProgress = Date.now();
        options.onProgress(records.length);
      }
    }
  } catch (err) {
    if (err instanceof StopReading) {
      parser.destroy();
    } else if (err instanceof LinkageInputError) {
      parser.destroy();
      throw err;
    } else if (err instanceof CsvError) {
      const lines = (err as CsvError & { lines?: number }).lines;
      problems.push(`${label} regel ${lines ?? line + 1}: ${csvProblem(err)}`);
    } else if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LinkageInputError(`${label}: bestand niet gevonden`);
    } else throw err;
  }
  if (header === null && problems.length === 0) throw new LinkageInputError(`${label}: het bestand is leeg (geen kopregel)`);
  if (problems.length > 0) {
    const more = problems.length >= maxProblems ? `\n(gestopt na ${maxProblems} fouten)` : '';
    throw new LinkageInputError(`${label}: ${problems.length} fout${problems.length > 1 ? 'en' : ''} in de invoer; niets opgeslagen.\n${problems.join('\n')}${more}`, problems);
  }
  return records;
}

class StopReading extends Error {}

function csvProblem(err: CsvError): string {
  switch (err.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return 'het aantal velden klopt niet met de kopregel';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'een aanhalingsteken wordt niet gesloten';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'tekst na een sluitend aanhalingsteken';
    default:
      return `ongeldige CSV (${err.code})`;
  }
}
