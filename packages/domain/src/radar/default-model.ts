/**
 * The default linkage model, estimated from generated data by `node bench/link/estimate.mjs`
 * (after `npm run build`) with --size 20000 --seed 1: m from 1045 candidate pairs with the same valid BSN, u from 1000000 random pairs.
 * How: docs/linkage.md, "How the weights were obtained". The m of the BSN's levels and its u are
 * set, not estimated: a BSN is personal, so two different persons share one only by an entry
 * error that passes the 11-proef.
 *
 * The prior suits a region with about 100,000 known persons of whom a new person is one with a
 * chance of about 40%: λ = 0.4 / 100,000. Set your own with `withPrior`; the CSV commands estimate
 * it from the data.
 */
import { makeModel, type LinkageModel } from './model.js';

export const DEFAULT_MODEL: LinkageModel = makeModel(
  {
    nationalId: [
      [0.999, 1e-9], // exact: 29.9 bits
      [0.001, 1], // different: -10.0 bits
    ],
    surname: [
      [0.8473, 0.002204], // exact: 8.6 bits
      [0.05585, 0.0004055], // phonetic: 7.1 bits
      [0.08067, 0.0005645], // typo: 7.2 bits
      [0.0004773, 0.0001335], // part: 1.8 bits
      [0.01575, 0.9967], // different: -6.0 bits
    ],
    givenName: [
      [0.7667, 0.002434], // exact: 8.3 bits
      [0.01384, 0.0005805], // nickname: 4.6 bits
      [0.0749, 0.00119], // typo: 6.0 bits
      [0.002385, 0.0008935], // other-name: 1.4 bits
      [0.1331, 0.01415], // initials: 3.2 bits
      [0.009065, 0.9807], // different: -6.8 bits
    ],
    birthDate: [
      [0.9399, 0.00009028], // exact: 13.3 bits
      [0.01138, 0.00002328], // day-month-swapped: 8.9 bits
      [0.04605, 0.001923], // typo: 4.6 bits
      [0.002709, 0.998], // different: -8.5 bits
    ],
    sex: [
      [0.9994, 0.5004], // exact: 1.0 bits
      [0.0005618, 0.4996], // different: -9.8 bits
    ],
    address: [
      [0.9328, 0.0001056], // exact: 13.1 bits
      [0.01072, 0.000006491], // street: 10.7 bits
      [0.01749, 0.01523], // place: 0.2 bits
      [0.03894, 0.9847], // different: -4.7 bits
    ],
    phone: [
      [0.9954, 0.00004605], // exact: 14.4 bits
      [0.00463, 1], // different: -7.8 bits
    ],
  },
  {
    prior: 4e-6,
    source: 'bench/link/estimate.mjs --size 20000 --seed 1: m from 1045 candidate pairs with the same valid BSN, u from 1000000 random pairs',
  },
);
