import type { IncidentCategory, Label, SurveyQuestion } from '../config/atlas-config.ts';

/** Metadata of one layer field, as written into layers/manifest.json. */
export interface FieldSpec {
  name: string;
  type: 'number' | 'string' | 'boolean';
  theme: 'id' | 'housing' | 'tenure' | 'safety' | 'green' | 'survey';
  /** Symbol ('%', 'm²', '' for none) or, for a unit in words, a Dutch/English pair. */
  unit: string | Label;
  label: Label;
  description: Label;
  /** Input id the value comes from (e.g. 'housing'), or 'blocks'. */
  source: string;
}

/** Units in words, Dutch -> English; symbols such as % and m² are the same in both languages. */
const UNIT_EN: Record<string, string> = {
  woningen: 'dwellings',
  inwoners: 'inhabitants',
  huishoudens: 'households',
  feiten: 'incidents',
  'per 1.000 inw./jaar': 'per 1,000 inh./year',
  respondenten: 'respondents',
  '% ja': '% yes',
  'score 1–5': 'score 1–5',
};

const f = (
  name: string,
  theme: FieldSpec['theme'],
  unitNl: string,
  source: string,
  nl: string,
  en: string,
  dnl: string,
  den: string,
  type: FieldSpec['type'] = 'number',
): FieldSpec => ({
  name,
  type,
  theme,
  unit: UNIT_EN[unitNl] ? { nl: unitNl, en: UNIT_EN[unitNl] } : unitNl,
  source,
  label: { nl, en },
  description: { nl: dnl, en: den },
});

/**
 * The block layer's fields in their published order, with Dutch and English labels, units and descriptions.
 * Incident categories and survey questions come from the atlas config.
 *
 * @example
 * blockFieldCatalogue({ categories: [{ value: 'Drugs', id: 'drugs', label: { nl: 'Drugs', en: 'Drugs' } }], questions: [] });
 */
export function blockFieldCatalogue(options: { categories?: IncidentCategory[]; questions?: SurveyQuestion[]; k?: number; ageBands?: boolean; closedRow?: boolean } = {}): FieldSpec[] {
  const { categories = [], questions = [], k = 5, ageBands = false, closedRow = false } = options;
  const fields: FieldSpec[] = [
    f('block_id', 'id', '', 'blocks', 'Bouwblok', 'Street block', 'Stabiele code van het bouwblok (zwaartepunt in Lambert 72).', 'Stable block code (centroid in Lambert 72).', 'string'),
    f('block_type', 'id', '', 'blocks', 'Soort gebied', 'Area type', "'block' = bouwblok, 'rail-land' = spoorterrein.", "'block' = street block, 'rail-land' = railway land.", 'string'),
    f('area_m2', 'green', 'm²', 'blocks', 'Oppervlakte', 'Area', 'Oppervlakte van het bouwblok zonder straatruimte.', 'Block area without street space.'),
    f('dwellings', 'housing', 'woningen', 'housing', 'Woongelegenheden', 'Dwellings', 'Aantal woongelegenheden.', 'Number of dwellings.'),
    f('inhabitants', 'tenure', 'inwoners', 'tenure', 'Inwoners', 'Inhabitants', 'Som van de gezinsgrootte van de huishoudens.', 'Sum of household sizes.'),
    f('dwellings_pre1900', 'housing', 'woningen', 'housing', 'Woningen vóór 1900', 'Dwellings before 1900', 'Bouwjaar vóór 1900.', 'Built before 1900.'),
    f('dwellings_1900_1945', 'housing', 'woningen', 'housing', 'Woningen 1900–1945', 'Dwellings 1900–1945', 'Bouwjaar 1900 tot en met 1945.', 'Built 1900 to 1945 inclusive.'),
    f('dwellings_1946_1970', 'housing', 'woningen', 'housing', 'Woningen 1946–1970', 'Dwellings 1946–1970', 'Bouwjaar 1946 tot en met 1970.', 'Built 1946 to 1970 inclusive.'),
    f('dwellings_1971_plus', 'housing', 'woningen', 'housing', 'Woningen vanaf 1971', 'Dwellings 1971 or later', 'Bouwjaar 1971 of later.', 'Built 1971 or later.'),
    f('dwellings_year_unknown', 'housing', 'woningen', 'housing', 'Woningen, bouwjaar onbekend', 'Dwellings, year unknown', 'Bouwjaar niet gekend.', 'Construction year unknown.'),
    f('pct_built_before_1945', 'housing', '%', 'housing', 'Gebouwd vóór 1946', 'Built before 1946', 'Aandeel woningen gebouwd tot en met 1945, van de woningen met gekend bouwjaar.', 'Share of dwellings built up to 1945, of those with a known year.'),
    f('dwellings_renovated_since_1983', 'housing', 'woningen', 'housing', 'Gewijzigd sinds 1983', 'Changed since 1983', 'Woningen met een renovatie of wijziging in 1983 of later.', 'Dwellings renovated or changed in 1983 or later.'),
    f('households', 'tenure', 'huishoudens', 'tenure', 'Huishoudens', 'Households', 'Aantal huishoudens.', 'Number of households.'),
    f('households_renting', 'tenure', 'huishoudens', 'tenure', 'Huurders', 'Renting households', 'Huishoudens die huren.', 'Households renting their home.'),
    f('households_owning', 'tenure', 'huishoudens', 'tenure', 'Eigenaar-bewoners', 'Owner-occupiers', 'Huishoudens die eigenaar zijn van hun woning.', 'Households owning their home.'),
    f('households_tenure_unknown', 'tenure', 'huishoudens', 'tenure', 'Eigendomsstatuut onbekend', 'Tenure unknown', 'Huishoudens zonder gekend eigendomsstatuut.', 'Households with unknown tenure.'),
    f('pct_renters', 'tenure', '%', 'tenure', 'Aandeel huurders', 'Share of renters', 'Huurders als aandeel van de huishoudens met gekend statuut.', 'Renters as a share of households with known tenure.'),
    f('incidents_total', 'safety', 'feiten', 'incidents', 'Incidenten', 'Incidents', 'Geregistreerde incidenten in de periode.', 'Recorded incidents in the period.'),
    f('incidents_per_1000', 'safety', 'per 1.000 inw./jaar', 'incidents', 'Incidenten per 1.000 inwoners', 'Incidents per 1,000 inhabitants', 'Incidenten per 1.000 inwoners per jaar (leeg bij 0 inwoners).', 'Incidents per 1,000 inhabitants per year (empty where nobody lives).'),
    f('incidents_per_1000_eb', 'safety', 'per 1.000 inw./jaar', 'incidents', 'Incidenten per 1.000 inwoners (EB-gladgestreken)', 'Incidents per 1,000 inhabitants (EB-smoothed)', 'Empirisch-Bayesiaans gladgestreken (Marshall): blokken met weinig inwoners worden naar het buurtgemiddelde getrokken, zodat één incident geen piek maakt (leeg bij 0 inwoners).', 'Empirical-Bayes smoothed (Marshall): blocks with few inhabitants are pulled towards the neighbourhood mean, so a single incident makes no peak (empty where nobody lives).'),
    f('incident_density_per_km2', 'safety', 'per km²', 'incidents', 'Incidentendichtheid', 'Incident density', 'Gemiddelde kerndichtheid van de incidenten in het blok (laag Incidentendichtheid).', 'Mean kernel density of the incidents over the block (layer Incident density).'),
  ];
  if (closedRow) {
    const at = fields.findIndex((x) => x.name === 'dwellings_renovated_since_1983') + 1;
    fields.splice(
      at,
      0,
      f('dwellings_closed_row', 'housing', 'woningen', 'housing', 'Gesloten bebouwing', 'Closed row housing', 'Woningen in gesloten bebouwing (rijwoningen).', 'Dwellings in closed row housing (terraced houses).'),
      f('pct_closed_row', 'housing', '%', 'housing', 'Aandeel gesloten bebouwing', 'Share closed row housing', 'Woningen in gesloten bebouwing als aandeel van alle woningen.', 'Dwellings in closed row housing as a share of all dwellings.'),
    );
  }
  if (ageBands) {
    const bands: Array<[string, string, string]> = [
      ['0_17', '0–17 jaar', '0–17 years'],
      ['18_24', '18–24 jaar', '18–24 years'],
      ['25_49', '25–49 jaar', '25–49 years'],
      ['50_64', '50–64 jaar', '50–64 years'],
      ['65_plus', '65 jaar en ouder', '65 years and older'],
    ];
    const at = fields.findIndex((x) => x.name === 'pct_renters') + 1;
    fields.splice(
      at,
      0,
      ...bands.map(([b, nl, en]) => f(`inhabitants_${b}`, 'tenure', 'inwoners', 'tenure', `Inwoners ${nl}`, `Inhabitants ${en}`, `Inwoners van ${nl}.`, `Inhabitants aged ${en}.`)),
      f('pct_aged_0_17', 'tenure', '%', 'tenure', 'Aandeel 0–17 jaar', 'Share aged 0–17', 'Kinderen en jongeren (0–17 jaar) als aandeel van de inwoners.', 'Children and young people (0–17) as a share of inhabitants.'),
      f('pct_aged_65_plus', 'tenure', '%', 'tenure', 'Aandeel 65+', 'Share aged 65+', 'Inwoners van 65 jaar en ouder als aandeel van de inwoners.', 'Inhabitants aged 65 or older as a share of inhabitants.'),
    );
  }
  for (const c of categories) {
    fields.push(f(`incidents_${c.id}`, 'safety', 'feiten', 'incidents', `Incidenten: ${c.label.nl}`, `Incidents: ${c.label.en}`, `Incidenten van de categorie "${c.value}".`, `Incidents of category "${c.value}".`));
  }
  fields.push(
    f('incidents_other', 'safety', 'feiten', 'incidents', 'Incidenten: andere', 'Incidents: other', 'Incidenten van een categorie buiten de lijst.', 'Incidents of a category not in the list.'),
    f('paved_m2', 'green', 'm²', 'landcover', 'Verharde oppervlakte', 'Paved area', 'Verharde (afgedekte) grond in het bouwblok.', 'Sealed (paved) ground in the block.'),
    f('green_m2', 'green', 'm²', 'landcover', 'Groenoppervlakte', 'Green area', 'Onverharde groene grond in het bouwblok.', 'Green unsealed ground in the block.'),
    f('built_m2', 'green', 'm²', 'landcover', 'Bebouwde oppervlakte', 'Built area', 'Grondoppervlakte van gebouwen.', 'Building footprint area.'),
    f('water_m2', 'green', 'm²', 'landcover', 'Water', 'Water', 'Wateroppervlakte.', 'Water surface.'),
    f('pct_paved', 'green', '%', 'landcover', 'Aandeel verhard', 'Share paved', 'Verharde oppervlakte als aandeel van het bouwblok.', 'Paved area as a share of the block.'),
    f('pct_green', 'green', '%', 'landcover', 'Aandeel groen', 'Share green', 'Groenoppervlakte als aandeel van het bouwblok.', 'Green area as a share of the block.'),
    f('survey_n', 'survey', 'respondenten', 'survey', 'Bevraging: respondenten', 'Survey: respondents', `Aantal respondenten (leeg bij minder dan ${k}: onderdrukt).`, `Number of respondents (empty below ${k}: suppressed).`),
    f('survey_status', 'survey', '', 'survey', 'Bevraging: status', 'Survey: status', "'published', 'suppressed' (te weinig respondenten) of 'none'.", "'published', 'suppressed' (too few respondents) or 'none'.", 'string'),
  );
  for (const q of questions) {
    if (q.type === 'yesno') {
      fields.push(f(`survey_${q.id}_pct_yes`, 'survey', '% ja', 'survey', `${q.label.nl} (% ja)`, `${q.label.en} (% yes)`, `Aandeel "ja" van wie antwoordde; onderdrukt bij minder dan ${k} antwoorden.`, `Share answering yes; suppressed below ${k} answers.`));
    } else {
      fields.push(f(`survey_${q.id}_mean`, 'survey', q.unit ?? (q.type === 'likert' ? 'score 1–5' : ''), 'survey', `${q.label.nl} (gemiddelde)`, `${q.label.en} (mean)`, `Gemiddeld antwoord; onderdrukt bij minder dan ${k} antwoorden.`, `Mean answer; suppressed below ${k} answers.`));
    }
  }
  return fields;
}
