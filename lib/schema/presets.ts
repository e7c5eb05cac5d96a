import type { LabelDefinition, Preset, SpanLayer, TargetDefinition } from './types';

/**
 * The label presets (docs/ARCHITECTURE.md §4). Ids and label keys are stable: exports and
 * scripts depend on them. Hotkeys never collide inside the combined preset.
 */

/** One span layer's labels, keyed by label key (so no key repeats), each with its name, description, colour and an optional hotkey. */
const spanLabels = (layer: SpanLayer, rows: Record<string, [name: string, description: string, color: string, hotkey?: string]>): LabelDefinition[] =>
  Object.entries(rows).map(([key, [name, description, color, hotkey]]) => ({ layer, key, name, description, color, hotkey }));

// OntoNotes 5.0 named-entity types (Weischedel et al. 2013), as used by spaCy and CoNLL-style corpora.
const ontonotes = spanLabels('ENTITY', {
  PERSON: ['Person', 'People, including fictional ones.', '#e6194b', 'p'],
  NORP: [
    'Nationality / religious / political group',
    'Nationalities, religious or political groups (e.g. "Pakistani", "Pashtun", "Islamist").',
    '#f58231',
    'n',
  ],
  FAC: ['Facility', 'Buildings, airports, highways, bridges, bases.', '#9a6324'],
  ORG: ['Organization', 'Companies, agencies, institutions, parties and armed groups.', '#4363d8', 'o'],
  GPE: ['Geo-political entity', 'Countries, cities, states, provinces and districts.', '#3cb44b', 'g'],
  LOC: ['Location', 'Non-GPE locations: mountain ranges, bodies of water, regions.', '#008080', 'l'],
  PRODUCT: ['Product', 'Objects, vehicles, weapons, foods (not services).', '#808000'],
  EVENT: ['Event', 'Named attacks, operations, wars, battles, elections.', '#911eb4', 'e'],
  WORK_OF_ART: ['Work of art', 'Titles of books, songs, reports.', '#f032e6'],
  LAW: ['Law', 'Named documents made into laws, agreements and accords.', '#800000'],
  LANGUAGE: ['Language', 'Any named language.', '#469990'],
  DATE: ['Date', 'Absolute or relative dates or periods.', '#000075', 'd'],
  TIME: ['Time', 'Times smaller than a day.', '#a9a9a9'],
  PERCENT: ['Percent', 'Percentage, including "%".', '#42d4f4'],
  MONEY: ['Money', 'Monetary values, including unit.', '#bfef45'],
  QUANTITY: ['Quantity', 'Measurements, as of weight or distance.', '#aaffc3'],
  ORDINAL: ['Ordinal', '"first", "second", etc.', '#ffd8b1'],
  CARDINAL: ['Cardinal', 'Numerals that do not fall under another type.', '#dcbeff'],
});

// SemEval-2016 Task 6 (Mohammad et al. 2016): stance of the author towards a named target.
const semeval = spanLabels('STANCE', {
  FAVOR: ['Favor', 'The author supports or is in favour of the target, explicitly or by inference.', '#2e7d32', 'f'],
  AGAINST: ['Against', 'The author opposes or is critical of the target, explicitly or by inference.', '#c62828', 'a'],
  NONE: ['Neither', 'The text is about the target but the author takes neither side, or the stance cannot be inferred.', '#757575', 'x'],
});

// The 15 framing dimensions of the Media Frames Corpus codebook (Boydstun et al. 2014; Card et al. 2015).
// Colours kept apart from every entity and stance colour (OKLab distance ≥ 0.06), as the combined preset draws all three layers over one text.
const mfc = spanLabels('FRAME', {
  ECONOMIC: ['Economic', 'Costs, benefits, or other financial implications.', '#d16a7d', '1'],
  CAPACITY_RESOURCES: ['Capacity and resources', 'Availability or lack of time, physical, human or financial resources.', '#d95f02', '2'],
  MORALITY: ['Morality', 'Religious or ethical implications.', '#7570b3', '3'],
  FAIRNESS_EQUALITY: ['Fairness and equality', 'Balance or distribution of rights, responsibilities and resources; equality or inequality.', '#e7298a', '4'],
  LEGALITY: ['Legality, constitutionality and jurisprudence', 'Rights, freedoms and authority of individuals, corporations and government.', '#3093ec', '5'],
  POLICY: ['Policy prescription and evaluation', 'Discussion of specific policies aimed at addressing problems.', '#e6ab02', '6'],
  CRIME_PUNISHMENT: ['Crime and punishment', 'Effectiveness and implications of laws and their enforcement.', '#793d67', '7'],
  SECURITY_DEFENSE: ['Security and defense', 'Threats to the welfare of the individual, community or nation.', '#80421a', '8'],
  HEALTH_SAFETY: ['Health and safety', 'Health care, sanitation, public safety.', '#2166ac', '9'],
  QUALITY_OF_LIFE: ['Quality of life', 'Threats and opportunities for the individual’s wealth, happiness and well-being.', '#583da6', '0'],
  CULTURAL_IDENTITY: ['Cultural identity', 'Traditions, customs or values of a social group in relation to a policy issue.', '#9970ab', 'q'],
  PUBLIC_OPINION: ['Public opinion', 'Attitudes and opinions of the general public, including polling and demographics.', '#b2417f', 'w'],
  POLITICAL: ['Political', 'Considerations related to politics and politicians: lobbying, elections, partisanship.', '#bf812d', 'r'],
  EXTERNAL_REGULATION: [
    'External regulation and reputation',
    'International reputation or foreign policy of a state; relations between states.',
    '#01665e',
    't',
  ],
  OTHER: ['Other', 'Any frame that does not fit the categories above.', '#878787', 'y'],
});

/** The relation types, keyed likewise, each with the entity labels its source and its target may carry. */
const relations = (rows: Record<string, [name: string, description: string, color: string, sourceTypes: string[], targetTypes: string[]]>): LabelDefinition[] =>
  Object.entries(rows).map(([key, [name, description, color, sourceTypes, targetTypes]]) => ({
    layer: 'RELATION',
    key,
    name,
    description,
    color,
    sourceTypes,
    targetTypes,
  }));

const ACTORS = ['PERSON', 'NORP', 'ORG', 'GPE'];
const alliances = relations({
  ALLY_OF: ['Ally of', 'The source actor is allied with the target actor.', '#311b92', ACTORS, ACTORS],
  SUPPORTS: ['Supports', 'The source actor gives support (material, political, safe haven) to the target.', '#558b2f', ACTORS, ACTORS],
  OPPOSES: ['Opposes', 'The source actor opposes or is in conflict with the target.', '#ef6c00', ACTORS, ACTORS],
  ATTACKED: ['Attacked', 'The source actor carried out an attack on the target (actor, place or facility).', '#880e4f', ACTORS, [...ACTORS, 'LOC', 'FAC']],
  MEMBER_OF: ['Member of', 'The source person or group belongs to the target group or organisation.', '#1565c0', ['PERSON', 'ORG', 'NORP'], ['ORG', 'NORP']],
  LOCATED_IN: ['Located in', 'The source is based in or located in the target place.', '#6a1b9a', [...ACTORS, 'FAC', 'LOC', 'EVENT'], ['GPE', 'LOC', 'FAC']],
});

const stanceQuestion: LabelDefinition = {
  layer: 'DOCUMENT',
  key: 'OVERALL_STANCE',
  name: 'Overall stance',
  color: '#37474f',
  description: 'The stance the document as a whole takes towards each target.',
  options: semeval.map(({ key, name }) => ({ key, name })),
  multiple: false,
  perTarget: true,
};
const frameQuestion: LabelDefinition = {
  layer: 'DOCUMENT',
  key: 'PRIMARY_FRAME',
  name: 'Primary frame',
  color: '#455a64',
  description: 'The frame that dominates the document (Media Frames Corpus primary frame).',
  options: mfc.map(({ key, name }) => ({ key, name })),
  multiple: false,
  perTarget: false,
};

const newsTargets: TargetDefinition[] = [
  { key: 'AFGHAN_TALIBAN', name: 'Afghan Taliban', aliases: ['Taliban regime', 'Islamic Emirate of Afghanistan', 'IEA'] },
  { key: 'TTP', name: 'Tehreek-e-Taliban Pakistan', aliases: ['TTP', 'Pakistani Taliban'] },
  { key: 'PAKISTAN_STATE', name: 'Pakistani state and military', aliases: ['Pakistan army', 'security forces'] },
];

export const PRESETS: readonly Preset[] = [
  { id: 'blank', name: 'Blank', description: 'No labels or targets: build the schema yourself on the Schema page.', labels: [], targets: [] },
  { id: 'entities-ontonotes', name: 'Named entities (OntoNotes)', description: 'The 18 OntoNotes 5.0 entity types.', labels: ontonotes, targets: [] },
  {
    id: 'stance-semeval2016',
    name: 'Stance (SemEval-2016 Task 6)',
    description: 'FAVOR / AGAINST / NONE towards project targets.',
    labels: [...semeval, stanceQuestion],
    targets: newsTargets,
  },
  {
    id: 'frames-mfc',
    name: 'Frames (Media Frames Corpus)',
    description: 'The 15 framing dimensions of Card et al. (2015).',
    labels: [...mfc, frameQuestion],
    targets: [],
  },
  {
    id: 'relations-alliances',
    name: 'Alliances and conflict',
    description: 'Directed relations between actors: alliance, support, opposition, attacks, membership, location.',
    labels: [...ontonotes, ...alliances],
    targets: [],
  },
  {
    id: 'news-stance-framing',
    name: 'News stance & framing',
    description: 'Entities, stance towards targets, frames, actor relations and document-level questions together.',
    labels: [...ontonotes, ...semeval, ...mfc, ...alliances, stanceQuestion, frameQuestion],
    targets: newsTargets,
  },
];

export const DEFAULT_PRESET_ID = 'news-stance-framing';

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}
