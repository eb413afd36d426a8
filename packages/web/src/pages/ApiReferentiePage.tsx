/**
 * The API reference: renders the server's OpenAPI 3.1 document (/api/openapi.json) as a plain, accessible page.
 * It replaces swagger-ui, whose inline styles the Content-Security-Policy does not allow.
 * Schemas are shown as indented JSON; references ($ref) are shown as they are, not resolved.
 */
import {
  CodeBlock,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Fragment, useId } from 'react';
import { ApiError, getJson } from '../api';
import { ScrollRegion } from '../components/ScrollRegion';
import { Foutmelding, Laden } from '../components/Status';
import { useApi } from '../useApi';
import { usePageTitle } from '../usePageTitle';

export const OPENAPI_URL = '/api/openapi.json';

/** Section for operations without a tag. */
const OVERIG = 'Overig';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface ApiParameter {
  name: string;
  in: string;
  required: boolean;
  description: string;
  type: string;
}

export interface ApiInhoud {
  mediaType: string;
  /** The JSON schema as given in the document; undefined when there is none. */
  schema: unknown;
}

export interface ApiRequestBody {
  description: string;
  required: boolean;
  /** Set when the request body is only a reference. */
  ref: string | null;
  inhoud: ApiInhoud[];
}

export interface ApiResponse {
  status: string;
  description: string;
  ref: string | null;
  inhoud: ApiInhoud[];
}

export interface ApiOperatie {
  method: string;
  path: string;
  summary: string;
  description: string;
  deprecated: boolean;
  parameters: ApiParameter[];
  requestBody: ApiRequestBody | null;
  responses: ApiResponse[];
}

export interface ApiGroep {
  naam: string;
  description: string;
  operaties: ApiOperatie[];
}

export interface ApiReferentie {
  titel: string;
  versie: string;
  openapi: string;
  description: string;
  groepen: ApiGroep[];
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const ref = (value: JsonObject): string | null => (typeof value.$ref === 'string' ? value.$ref : null);

/** A short type description of a JSON schema, e.g. "string", "array van integer", "string | null". */
export function schemaType(schema: unknown): string {
  if (!isObject(schema)) return 'onbekend';
  const reference = ref(schema);
  if (reference) return reference.split('/').pop() || reference;
  const { type } = schema;
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string').join(' | ') || 'onbekend';
  if (type === 'array') return `array van ${schemaType(schema.items)}`;
  if (typeof type === 'string') return type;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) return options.map(schemaType).join(key === 'allOf' ? ' & ' : ' | ');
  }
  if (Array.isArray(schema.enum)) return 'enum';
  if ('const' in schema) return 'const';
  return 'onbekend';
}

function leesInhoud(content: unknown): ApiInhoud[] {
  if (!isObject(content)) return [];
  return Object.entries(content).map(([mediaType, media]) => ({
    mediaType,
    schema: isObject(media) ? media.schema : undefined,
  }));
}

function leesParameter(value: unknown): ApiParameter | null {
  if (!isObject(value)) return null;
  const reference = ref(value);
  if (reference) return { name: reference, in: '', required: false, description: 'Verwijzing naar een parameter.', type: '' };
  const name = text(value.name);
  if (!name) return null;
  return {
    name,
    in: text(value.in),
    required: value.required === true || value.in === 'path',
    description: text(value.description),
    type: value.schema === undefined ? (isObject(value.content) ? 'zie inhoud' : 'onbekend') : schemaType(value.schema),
  };
}

/** Path-level parameters first; an operation-level parameter with the same name and place replaces one. */
function leesParameters(pathLevel: unknown, operationLevel: unknown): ApiParameter[] {
  const result = new Map<string, ApiParameter>();
  for (const list of [pathLevel, operationLevel]) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const parameter = leesParameter(item);
      if (parameter) result.set(`${parameter.in}:${parameter.name}`, parameter);
    }
  }
  return [...result.values()];
}

function leesRequestBody(value: unknown): ApiRequestBody | null {
  if (!isObject(value)) return null;
  return { description: text(value.description), required: value.required === true, ref: ref(value), inhoud: leesInhoud(value.content) };
}

function leesResponses(value: unknown): ApiResponse[] {
  if (!isObject(value)) return [];
  return Object.entries(value).map(([status, response]) => {
    const object = isObject(response) ? response : {};
    return { status, description: text(object.description), ref: ref(object), inhoud: leesInhoud(object.content) };
  });
}

/**
 * Turns an OpenAPI 3.x document into the groups shown on the page: one per tag (in the order of the document's
 * `tags`, then in order of appearance), and "Overig" last for operations without a tag.
 * Throws an ApiError when the document is not an OpenAPI document.
 */
export function leesOpenApi(document: unknown): ApiReferentie {
  if (!isObject(document) || !isObject(document.info) || !isObject(document.paths)) {
    throw new ApiError('De beschrijving van de API heeft een onbekende vorm. Probeer het later opnieuw.', 'onbekend');
  }
  const groepen = new Map<string, ApiGroep>();
  const groep = (naam: string): ApiGroep => {
    let found = groepen.get(naam);
    if (!found) {
      found = { naam, description: '', operaties: [] };
      groepen.set(naam, found);
    }
    return found;
  };
  if (Array.isArray(document.tags)) {
    for (const tag of document.tags) {
      if (isObject(tag) && typeof tag.name === 'string') groep(tag.name).description = text(tag.description);
    }
  }

  for (const [path, pathItem] of Object.entries(document.paths)) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const operatie: ApiOperatie = {
        method: method.toUpperCase(),
        path,
        summary: text(operation.summary) || text(pathItem.summary),
        description: text(operation.description) || text(pathItem.description),
        deprecated: operation.deprecated === true,
        parameters: leesParameters(pathItem.parameters, operation.parameters),
        requestBody: leesRequestBody(operation.requestBody),
        responses: leesResponses(operation.responses),
      };
      const tags = Array.isArray(operation.tags) ? operation.tags.filter((t): t is string => typeof t === 'string' && t !== '') : [];
      for (const tag of tags.length > 0 ? new Set(tags) : [OVERIG]) groep(tag).operaties.push(operatie);
    }
  }

  const gevuld = [...groepen.values()].filter((g) => g.operaties.length > 0);
  // "Overig" always last, also when the document declares it as a tag.
  gevuld.sort((a, b) => Number(a.naam === OVERIG) - Number(b.naam === OVERIG));
  return {
    titel: text(document.info.title) || 'API',
    versie: text(document.info.version),
    openapi: text(document.openapi),
    description: text(document.info.description),
    groepen: gevuld,
  };
}

async function laadApiReferentie(): Promise<ApiReferentie> {
  return leesOpenApi(await getJson<unknown>(OPENAPI_URL));
}

/** "GET /api/v1/regios" → "get-api-v1-regios". */
function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Gives every group and operation an id that is unique on the page (an operation may appear under several tags). */
function maakIds(groepen: readonly ApiGroep[]) {
  const used = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  };
  return groepen.map((g) => ({
    groep: g,
    id: unique(`api-${slug(g.naam) || 'groep'}`),
    operaties: g.operaties.map((o) => ({ operatie: o, id: unique(`api-${slug(`${g.naam} ${o.method} ${o.path}`) || 'operatie'}`) })),
  }));
}

/** Text with blank lines becomes several paragraphs. */
function Tekst({ value, className }: { value: string; className?: string }) {
  const paragraphs = value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((p, i) => (
        <Paragraph key={i} className={className}>
          {p}
        </Paragraph>
      ))}
    </>
  );
}

function Schema({ schema }: { schema: unknown }) {
  if (schema === undefined) return <Paragraph>Er is geen schema beschreven.</Paragraph>;
  return <CodeBlock className="sv-schema">{JSON.stringify(schema, null, 2)}</CodeBlock>;
}

function Inhoud({ inhoud, leeg }: { inhoud: readonly ApiInhoud[]; leeg: string }) {
  if (inhoud.length === 0) return <Paragraph>{leeg}</Paragraph>;
  return (
    <>
      {inhoud.map((item) => (
        <Fragment key={item.mediaType}>
          <Paragraph>
            Soort inhoud: <code className="sv-code">{item.mediaType}</code>
          </Paragraph>
          <Schema schema={item.schema} />
        </Fragment>
      ))}
    </>
  );
}

function ParameterTabel({ operatie }: { operatie: ApiOperatie }) {
  const captionId = useId();
  return (
    <ScrollRegion labelledBy={captionId}>
      <Table className="sv-table">
        <TableCaption id={captionId} className="sv-table__caption">
          Parameters van {operatie.method} {operatie.path}
        </TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Naam</TableHeaderCell>
            <TableHeaderCell scope="col">Plaats (in)</TableHeaderCell>
            <TableHeaderCell scope="col">Verplicht</TableHeaderCell>
            <TableHeaderCell scope="col">Type</TableHeaderCell>
            <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {operatie.parameters.map((p) => (
            <TableRow key={`${p.in}:${p.name}`}>
              <TableHeaderCell scope="row">
                <code className="sv-code">{p.name}</code>
              </TableHeaderCell>
              <TableCell>{p.in ? <code className="sv-code">{p.in}</code> : '–'}</TableCell>
              <TableCell>{p.required ? 'Ja' : 'Nee'}</TableCell>
              <TableCell>{p.type ? <code className="sv-code">{p.type}</code> : '–'}</TableCell>
              <TableCell>{p.description || '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

function Operatie({ operatie, id }: { operatie: ApiOperatie; id: string }) {
  return (
    <div className="sv-operation">
      <Heading level={3} id={id} className="sv-operation__title">
        <span className="sv-method">{operatie.method}</span>{' '}
        <code className="sv-code sv-operation__path">{operatie.path}</code>
      </Heading>
      {operatie.deprecated ? (
        <Paragraph>
          <strong>Verouderd:</strong> gebruik deze operatie niet meer in nieuwe software.
        </Paragraph>
      ) : null}
      {operatie.summary ? <Paragraph className="sv-operation__summary">{operatie.summary}</Paragraph> : null}
      {operatie.description ? <Tekst value={operatie.description} /> : null}
      {!operatie.summary && !operatie.description ? <Paragraph>Er is geen omschrijving.</Paragraph> : null}

      <Heading level={4}>Parameters</Heading>
      {operatie.parameters.length > 0 ? <ParameterTabel operatie={operatie} /> : <Paragraph>Geen parameters.</Paragraph>}

      {operatie.requestBody ? (
        <>
          <Heading level={4}>Inhoud van het verzoek (request body)</Heading>
          <Paragraph>{operatie.requestBody.required ? 'Verplicht.' : 'Niet verplicht.'}</Paragraph>
          {operatie.requestBody.description ? <Tekst value={operatie.requestBody.description} /> : null}
          {operatie.requestBody.ref ? (
            <Paragraph>
              Zie <code className="sv-code">{operatie.requestBody.ref}</code>.
            </Paragraph>
          ) : (
            <Inhoud inhoud={operatie.requestBody.inhoud} leeg="Er is geen inhoud beschreven." />
          )}
        </>
      ) : null}

      <Heading level={4}>Antwoorden</Heading>
      {operatie.responses.length === 0 ? <Paragraph>Er zijn geen antwoorden beschreven.</Paragraph> : null}
      {operatie.responses.map((response) => (
        <div key={response.status} className="sv-response">
          <Heading level={5}>{response.status === 'default' ? 'Elke andere statuscode (default)' : `Statuscode ${response.status}`}</Heading>
          {response.description ? <Tekst value={response.description} /> : null}
          {response.ref ? (
            <Paragraph>
              Zie <code className="sv-code">{response.ref}</code>.
            </Paragraph>
          ) : (
            <Inhoud inhoud={response.inhoud} leeg="Dit antwoord heeft geen inhoud." />
          )}
        </div>
      ))}
    </div>
  );
}

function Referentie({ referentie }: { referentie: ApiReferentie }) {
  const groepen = maakIds(referentie.groepen);
  const tocId = useId();
  return (
    <>
      <dl className="sv-facts sv-api-facts">
        <div className="sv-facts__item">
          <dt>Naam</dt>
          <dd>{referentie.titel}</dd>
        </div>
        {referentie.versie ? (
          <div className="sv-facts__item">
            <dt>Versie</dt>
            <dd>{referentie.versie}</dd>
          </div>
        ) : null}
        {referentie.openapi ? (
          <div className="sv-facts__item">
            <dt>OpenAPI-versie</dt>
            <dd>{referentie.openapi}</dd>
          </div>
        ) : null}
      </dl>
      {referentie.description ? <Tekst value={referentie.description} className="sv-intro" /> : null}

      {groepen.length === 0 ? (
        <Paragraph>Er zijn nog geen operaties beschreven.</Paragraph>
      ) : (
        <>
          <nav className="sv-toc" aria-labelledby={tocId}>
            <Heading level={2} id={tocId}>
              Overzicht
            </Heading>
            <ul className="sv-toc__list">
              {groepen.map(({ groep, id, operaties }) => (
                <li key={id}>
                  <Link href={`#${id}`}>{groep.naam}</Link>
                  <ul className="sv-toc__list">
                    {operaties.map(({ operatie, id: operatieId }) => (
                      <li key={operatieId}>
                        <Link href={`#${operatieId}`}>
                          {operatie.method} {operatie.path}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </nav>

          {groepen.map(({ groep, id, operaties }) => (
            <div key={id} className="sv-section">
              <Heading level={2} id={id}>
                {groep.naam}
              </Heading>
              {groep.description ? <Tekst value={groep.description} /> : null}
              {operaties.map(({ operatie, id: operatieId }) => (
                <Operatie key={operatieId} operatie={operatie} id={operatieId} />
              ))}
            </div>
          ))}
        </>
      )}
    </>
  );
}

export function ApiReferentiePage() {
  usePageTitle('API-referentie');
  const referentie = useApi('openapi', laadApiReferentie);

  return (
    <>
      {/* Always the same h1 element, so focus stays on it when the data arrives after a page change. */}
      <Heading level={1}>API-referentie</Heading>
      <Paragraph appearance="lead" className="sv-intro">
        Andere systemen kunnen gegevens uit Samen Veilig ophalen via de API. Op deze pagina staat welke adressen er zijn,
        wat u kunt meesturen en welke antwoorden u terugkrijgt. Deze pagina is bedoeld voor ontwikkelaars.
      </Paragraph>
      <Paragraph>
        <Link href={OPENAPI_URL} download="samenveilig-openapi.json">
          Download het OpenAPI-document (JSON)
        </Link>
      </Paragraph>
      {referentie.status === 'laden' ? <Laden wat="gegevens van de API" /> : null}
      {referentie.status === 'fout' ? (
        <Foutmelding error={referentie.error} titel="Het lukt niet om de beschrijving van de API te laden" />
      ) : null}
      {referentie.status === 'klaar' ? <Referentie referentie={referentie.data} /> : null}
    </>
  );
}
