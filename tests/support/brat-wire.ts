/**
 * A news wire annotated in the shapes of brat's own example data (example-data/ in nlplab/brat),
 * line by line as brat writes them: entities, an event with an attribute on it, a norm, a relation
 * whose line ends in a TAB, an equivalence and a discontinuous span. The parser's unit test adds
 * the rest of brat's grammar to it; the integration test imports it into PostgreSQL as it is.
 */
export const WIRE_TEXT = 'Sony and Ericsson merged.\nBarack Obama visited Kabul; the Ericsson board met.';

/** brat's `start end` of `quote`, the first at or after `from` (UTF-16 units, which are code points in this ASCII text). */
const offsets = (quote: string, from = 0) => {
  const start = WIRE_TEXT.indexOf(quote, from);
  return `${start} ${start + quote.length}`;
};

export const WIRE_ANN_LINES = [
  `T1\tOrganization ${offsets('Sony')}\tSony`,
  `T2\tOrganization ${offsets('Ericsson')}\tEricsson`,
  `T3\tMerge-org ${offsets('merged')}\tmerged`,
  'E1\tMerge-org:T3 Org1:T1 Org2:T2',
  'A1\tNegation E1',
  `T4\tPerson ${offsets('Barack Obama')}\tBarack Obama`,
  'N1\tReference T4 Wikipedia:534366\tBarack Obama',
  `T5\tGPE ${offsets('Kabul')}\tKabul`,
  'R1\tLocated Arg1:T4 Arg2:T5\t',
  `T6\tOrganization ${offsets('Ericsson', 30)}\tEricsson`,
  '*\tEquiv T2 T6',
  `T7\tOrganization ${offsets('Sony')};${offsets('Ericsson')}\tSony Ericsson`,
];
