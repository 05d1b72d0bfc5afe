import { z } from "zod";
import { Source } from "../core/hardware.js";

/** Annual average carbon intensity of a grid, in grams of CO2-equivalent per kWh. */
export const GridIntensity = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string(),
  gramsCo2ePerKwh: z.number().nonnegative(),
  year: z.number().int(),
  /** lifecycle: Ember's full-lifecycle CO2e of generation; direct: stack emissions only (eGRID, utilities). */
  basis: z.enum(["lifecycle", "direct"]),
  /**
   * read: the figure appears in the cited page as retrieved; recalled: taken from the cited dataset from memory
   * and not re-read in the retrieved excerpt, so check it before relying on it.
   */
  confidence: z.enum(["read", "recalled"]),
  source: Source,
});
export type GridIntensity = z.infer<typeof GridIntensity>;

const D = "2026-11-22";
const OWID = "https://ourworldindata.org/grapher/carbon-intensity-electricity?tab=table";
const STATISTA_WORLD = "https://statista.com/statistics/943137/global-emissions-intensity-power-sector-by-country";
const EMBER = (note: string) => ({ url: OWID, retrievedDate: D, note: `Ember yearly electricity data via Our World in Data. ${note}` });

/** Grid intensities for the regions AI workloads run in. */
export const GRID_INTENSITIES: GridIntensity[] = [
  { id: "world", name: "World average", gramsCo2ePerKwh: 481, year: 2023, basis: "lifecycle", confidence: "read", source: { url: STATISTA_WORLD, retrievedDate: D, note: "Ember, July 2024: global power sector 481 gCO2/kWh in 2023." } },
  { id: "us", name: "United States average", gramsCo2ePerKwh: 369, year: 2023, basis: "lifecycle", confidence: "recalled", source: EMBER("US 2023.") },
  {
    id: "us-ca",
    name: "US California (eGRID CAMX)",
    gramsCo2ePerKwh: 225,
    year: 2022,
    basis: "direct",
    confidence: "recalled",
    source: { url: "https://greencalculus.com/standards/epa-egrid/", retrievedDate: D, note: "EPA eGRID subregion CAMX output emission rate, about 497 lb CO2e/MWh = 225 g/kWh (1 lb/MWh = 0.4536 g/kWh)." },
  },
  {
    id: "us-tx",
    name: "US Texas (ERCOT)",
    gramsCo2ePerKwh: 406,
    year: 2022,
    basis: "direct",
    confidence: "read",
    source: { url: "https://grivy.duckdns.org/item?id=43070673", retrievedDate: D, note: "EIA state data quoted in discussion: Texas 406 t CO2/GWh (= g/kWh); ERCOT covers most of Texas." },
  },
  {
    id: "us-va",
    name: "US Virginia (PJM, eGRID SRVC)",
    gramsCo2ePerKwh: 300,
    year: 2022,
    basis: "direct",
    confidence: "recalled",
    source: { url: "https://greencalculus.com/standards/epa-egrid/", retrievedDate: D, note: "EPA eGRID subregion SRVC (Virginia/Carolinas, where northern Virginia data centers sit), about 660 lb CO2e/MWh = 300 g/kWh." },
  },
  {
    id: "eu",
    name: "European Union average",
    gramsCo2ePerKwh: 244,
    year: 2023,
    basis: "lifecycle",
    confidence: "recalled",
    source: { url: "https://ember-climate.org/insights/research/european-electricity-review-2024/", retrievedDate: D, note: "Ember European Electricity Review 2024 (EU 2023 power sector emissions fell 19%)." },
  },
  { id: "fr", name: "France", gramsCo2ePerKwh: 56, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("France 2023: 56 g.") },
  { id: "de", name: "Germany", gramsCo2ePerKwh: 381, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("Germany 2023: 381 g.") },
  { id: "no", name: "Norway", gramsCo2ePerKwh: 30, year: 2023, basis: "lifecycle", confidence: "read", source: { url: STATISTA_WORLD, retrievedDate: D, note: "Ember: Norway 30 gCO2/kWh in 2023." } },
  { id: "se", name: "Sweden", gramsCo2ePerKwh: 40.7, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("Sweden 2023: 40.7 g, the lowest in the EU (Ember figure as quoted by Statista's EU carbon-intensity chart).") },
  { id: "pl", name: "Poland", gramsCo2ePerKwh: 662, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("Poland 2023: about 662 g, the highest in the EU (Ember figure as quoted by Statista's EU carbon-intensity chart).") },
  { id: "uk", name: "United Kingdom", gramsCo2ePerKwh: 238, year: 2023, basis: "lifecycle", confidence: "recalled", source: EMBER("UK 2023.") },
  { id: "ie", name: "Ireland", gramsCo2ePerKwh: 291, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("Ireland 2023: 291 g.") },
  { id: "is", name: "Iceland", gramsCo2ePerKwh: 28, year: 2023, basis: "lifecycle", confidence: "recalled", source: EMBER("Iceland 2023 (hydro and geothermal).") },
  { id: "in", name: "India", gramsCo2ePerKwh: 713, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("India 2023: 713 g.") },
  { id: "cn", name: "China", gramsCo2ePerKwh: 582, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("China 2023: 582 g.") },
  { id: "jp", name: "Japan", gramsCo2ePerKwh: 485, year: 2023, basis: "lifecycle", confidence: "recalled", source: EMBER("Japan 2023.") },
  {
    id: "sg",
    name: "Singapore",
    gramsCo2ePerKwh: 420,
    year: 2022,
    basis: "direct",
    confidence: "read",
    source: {
      url: "https://www.ema.gov.sg/cmsmedia/Publications_and_Statistics/Publications/ses/2018/other-energy-related-statistics/index.html",
      retrievedDate: D,
      note: "EMA grid emission factor (average operating margin): 0.42 kg CO2/kWh for 2022 as reported by The Business Times; 0.4192 in 2017 per this EMA page.",
    },
  },
  {
    id: "ca-qc",
    name: "Canada Quebec (Hydro-Quebec)",
    gramsCo2ePerKwh: 0.36,
    year: 2016,
    basis: "direct",
    confidence: "read",
    source: {
      url: "http://www.hydroquebec.com/sustainable-development/energy-environment/atmospheric-emissions.html",
      retrievedDate: D,
      note: "Hydro-Quebec: 360 t CO2/TWh = 0.36 g/kWh for generation and purchases in Quebec (combustion only, not lifecycle; hydro lifecycle is higher).",
    },
  },
  { id: "ca", name: "Canada average", gramsCo2ePerKwh: 170, year: 2023, basis: "lifecycle", confidence: "read", source: EMBER("Canada 2023: 170 g.") },
];

/** Finds a grid by id (case-insensitive), or undefined. */
export function findGrid(id: string): GridIntensity | undefined {
  const key = id.toLowerCase();
  return GRID_INTENSITIES.find((g) => g.id === key);
}

/** Facility and board-power defaults for energy estimates, each with where it comes from. */
export const ENERGY_DEFAULTS = {
  /** Average power usage effectiveness of a modern large facility; the industry-wide survey average is higher. */
  pue: {
    value: 1.2,
    source: {
      url: "https://intelligence.uptimeinstitute.com/resource/large-data-centers-are-mostly-more-efficient-analysis-confirms",
      retrievedDate: D,
      note: "Uptime Institute: industry average PUE 1.55-1.59 since 2020 (1.58 in 2023, 1.56 in 2024), new large facilities 1.3 or better; hyperscalers report about 1.1 (Google). 1.2 sits between a hyperscaler and a new colocation site; pass --pue 1.56 for the industry average.",
    },
  },
  /** Average board power over TDP of a loaded accelerator. */
  drawFraction: {
    value: 0.7,
    source: {
      url: "https://theneuralbase.com/ai-infrastructure/learn/advanced/h100-tdp-700w/",
      retrievedDate: D,
      note: "H100 SXM (700 W TDP) sustains about 400-550 W during LLM inference (0.57-0.79 of TDP); a vLLM ladder measured 267-680 W across batch sizes. Training runs closer to TDP: pass --draw-fraction 0.9 there.",
    },
  },
} as const;
