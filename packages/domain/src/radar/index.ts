/**
 * The radar's record-linkage engine: does this person, entered through any channel, match a
 * person already known in the region? Pure (no I/O). The method is in docs/linkage.md.
 *
 * Use:
 *   const p = prepare(input);                  // once per record: normalised fields and keys
 *   storedKeys(p)                              // blocking keys to store for a known person (≤ 5)
 *   queryKeys(p)                               // keys to look up for a new person (stored + variants)
 *   tfValues(p)                                // [field, value] pairs to count: surname, givenName, name
 *   compare(p, candidate, model?, tf?)         // probability, weight per field, Dutch explanation
 *   evidence(p, candidate, model?, tf?)        // the same evidence in bits, ~1 µs: score every candidate
 *   matchProbability(bits, model.prior)        // ... as a probability; then compare() only those shown
 *   estimateModel(records, pairs, options)     // m (EM) and u (random pairs) from candidate pairs
 *   estimateFromPatterns(patterns, u, options) // m from BSN-agreeing pairs, else EM (what the CLI uses)
 *   estimatePrior(histogram, allPairs)         // λ by EM from the candidates' evidence
 *
 * Models: DEFAULT_MODEL (estimated from generated data; prior for a region of about 100,000
 * known persons), `withPrior` to set λ for a data set, `makeModel` to configure m and u.
 * A TermFrequency answers `(field, value) => relative frequency | undefined` for the fields of
 * `tfValues`; undefined leaves the plain weight.
 */
export { prepare, dateNumber, isRealDate, sexCode, phoneDigits, splitHouseNumber, type LinkInput, type Prepared, type SexCode } from './prepare.js';
export { storedKeys, queryKeys, tfValues } from './keys.js';
export {
  compare,
  evidence,
  levels,
  matchProbability,
  FLAG_BSN,
  FLAG_RELATIVES,
  FLAG_SWAPPED,
  type FieldResult,
  type MatchResult,
  type TermFrequency,
} from './compare.js';
export {
  FIELDS,
  LEVELS,
  compile,
  levelIndex,
  logit2,
  makeModel,
  probabilityOf,
  withPrior,
  type FieldModel,
  type FieldName,
  type LevelModel,
  type LinkageModel,
} from './model.js';
export { DEFAULT_MODEL } from './default-model.js';
export {
  decodePattern,
  emFromPatterns,
  estimateFromPatterns,
  mFromKnownMatches,
  estimateModel,
  estimateModelReport,
  estimatePrior,
  estimateU,
  EvidenceHistogram,
  patternCode,
  patternCounts,
  randomPairCounts,
  uFromCounts,
  type EstimateOptions,
  type EstimateReport,
} from './estimate.js';
export { dutchPhonetic } from './phonetic.js';
export { fold, parseFullName, parseGiven, parseSurname, type ParsedGiven, type ParsedName, type ParsedSurname } from './text.js';
export { editDistance, jaroWinkler, nearlyEqual } from './distance.js';
export { NAME_GROUPS, nameGroups, canonicalName } from './nicknames.js';
