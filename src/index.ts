// costcurve's typed library API: the same functions the CLI and the web app call.

// One function per user question (the CLI and the web call the same ones)
export { resolveEach, predictAll, explain } from "./app/predict.js";
export { answerPrices, type PricesAnswer, type PricesQuestion } from "./app/prices.js";
export { answerBill, parseBillQuestion, type BillAnswer, type BillQuestion } from "./app/bill.js";
export { answerBreakeven, parseBreakevenQuestion, breakevenChart } from "./app/breakeven.js";
export { answerIndex, parseIndexQuestion, indexChart } from "./app/margin-index.js";
export { answerEmbeddings, parseEmbeddingQuery } from "./app/embed.js";
export { computeFrontier as frontier, frontierChart, parseFrontierInput } from "./app/frontier.js";
export { optimize } from "./app/optimize.js";
export { answerTraining, parseTrainingQuestion } from "./app/train.js";
export { answerScaling, parseScalingQuestion, scalingRows } from "./app/scaling.js";
export { answerCapex } from "./app/capex.js";
export { answerMindshare, parseMindshareTargets } from "./app/mindshare.js";
export { loadPriceBook } from "./app/price-book.js";
export { InputError } from "./app/values.js";
export type { TypedIssue, IssuePath } from "./core/issues.js";
export { predictExplained, type Explained, type PredictionEvaluation } from "./core/evaluation.js";

// Engine (pure)
export { parseArchitecture, type Architecture } from "./core/architecture.js";
export { countParameters, type ParameterCounts } from "./core/parameters.js";
export { shapeModel, type ModelShape, type Precisions } from "./core/model-shape.js";
export { forwardFlops, decodeFlops } from "./core/flops.js";
export { predict, evaluate, type PredictInput } from "./core/predict.js";
export { parseScenario } from "./core/validate.js";
export { Scenario, type Prediction, type ScenarioInput } from "./core/scenario.js";
export { costOf } from "./core/cost.js";
export { Accelerator, defaultUsdPerHour } from "./core/hardware.js";
export { EfficiencyProfile, Engine } from "./core/efficiency.js";
export { Precision, BITS_PER_WEIGHT } from "./core/precision.js";
export type { Issue, Result } from "./core/result.js";

// Catalogs
export { ACCELERATORS, findAccelerator, nearestAcceleratorIds } from "./catalog/accelerators/index.js";
export { MODELS, CHECKPOINTS, resolveModelId, nearestModelIds } from "./catalog/models/index.js";
export { EFFICIENCY_PROFILES, profileFor } from "./catalog/efficiency.js";
export { resolveScenario } from "./catalog/resolve.js";
export { compareEmbeddings } from "./catalog/embeddings.js";
export { scoreCalibration } from "./catalog/accuracy.js";

// Prices, bills, TCO, breakeven, margin index
export { createPriceBook, priceAt, priceHistory, listPrices } from "./prices/book.js";
export { computeBill } from "./prices/bill.js";
export { computeTco } from "./prices/tco.js";
export { computeBreakeven } from "./prices/breakeven.js";
export { compositeSeries, modelSeries } from "./prices/margin-index.js";

// Benchmark client, knowledge base, store
export { runBench } from "./bench/runner.js";
export { searchKbNodes, loadKbDir } from "./kb/library.js";
export { openStore, type StoreConfig } from "./store/open-store.js";
export type { Store } from "./store/store.js";
