// The report layer: human tables, machine CSV/JSON, SVG charts and PNG rendering.
export * from "./format.js";
export { type Column, columnsOf, isMissing } from "./cell.js";
export { columnTitle, formatKeyValues, formatTable } from "./table.js";
export { csvValue, escapeCsvField, formatCsv } from "./csv.js";
export { formatJson, toJsonValue } from "./json.js";
export { renderXYChart, type XYChartSpec, type XYPoint, type XYSeries } from "./chart/xy-chart.js";
export { renderBarChart, type BarChartSpec, type BarSeries } from "./chart/bar-chart.js";
export type { AxisSpec } from "./chart/scale.js";
export type { ChartText } from "./chart/frame.js";
export type { ReferenceLine } from "./chart/annotations.js";
export { renderAtWidth } from "./chart/chart-width.js";
export { paretoFrontier, type FrontierGoal } from "./chart/pareto.js";
export { PALETTE, seriesColor } from "./chart/palette.js";
export { escapeXml } from "./chart/svg.js";
export { dateMs } from "./chart/time-ticks.js";
export { formatTickSi, linearTicks, logTicks, niceStep } from "./chart/ticks.js";
export { canRenderText, renderPng, type PngOptions } from "./png.js";
export { CHART_EXTENSIONS, chartFormatOf, type ChartFormat, writeChart, type WrittenChart } from "./write-chart.js";
