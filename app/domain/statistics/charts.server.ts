import { LRUCache } from "lru-cache";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

// The overview's charts, drawn on the server as SVG with Vega-Lite (decision 014): they show
// without JavaScript and add nothing to the page's scripts. Each chart stands beside a table
// with the same figures, which is what screen readers read (the SVG is hidden from them).

const FONT = "DejaVu Sans, Verdana, sans-serif";
const GREEN = "#1d6b44";
const COLORS = [GREEN, "#b35900", "#4a4a8a"];

const drawn = new LRUCache<string, string>({ max: 100 });

// Numbers the Swedish way: 160 000, not 160,000.
vega.formatLocale({ decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"] });

// The server has no canvas to measure text, so Vega guesses 0.8 em per character; DejaVu Sans
// averages about 0.6. The guess made every chart (and its label limits) a third too wide.
type TextItem = { text?: unknown; fontSize?: number };
// (Vega exports textMetrics without declaring it in its types.)
(vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width = (
  item,
  text,
) => Math.ceil(0.64 * String(text ?? item.text ?? "").length * (item.fontSize ?? 11));

async function svgOf(spec: TopLevelSpec) {
  const key = JSON.stringify(spec);
  const hit = drawn.get(key);
  if (hit) return hit;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  const svg = (await view.toSVG()).replace("<svg ", '<svg aria-hidden="true" focusable="false" ');
  view.finalize();
  // A few dozen distinct charts at most (filters × figures); forget the oldest beyond that.
  drawn.set(key, svg);
  return svg;
}

const config = {
  font: FONT,
  axis: { labelFontSize: 13, titleFontSize: 13, labelColor: "#222", titleColor: "#222", grid: false },
  axisY: { labelLimit: 280 },
  legend: { labelFontSize: 13, titleFontSize: 13, orient: "bottom" as const, labelLimit: 320, columns: 1 },
  view: { stroke: null },
  background: "transparent",
};

/**
 * A chart in two sizes: for a wide screen, and for a phone (about 340 px, its text as large as
 * the page's). The page shows the one that fits (styles.css); scaling one down made its text tiny.
 */
export type ChartSvg = { wide: string; narrow: string };

async function inTwoSizes(spec: (narrow: boolean) => TopLevelSpec): Promise<ChartSvg> {
  const [wide, narrow] = await Promise.all([svgOf(spec(false)), svgOf(spec(true))]);
  return { wide, narrow };
}

/**
 * Horizontal bars: one per row, its value at the end. On a wide screen the labels stand to the
 * left of the bars; on a phone above them, so the bars keep the whole width.
 */
export function barChart(rows: { label: string; value: number }[], valueTitle: string) {
  const value = { type: "text", align: "left", dx: 4, fontSize: 13 } as const;
  return inTwoSizes((narrow) => ({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: narrow ? 250 : 480,
    height: { step: narrow ? 44 : 28 },
    config,
    data: { values: rows },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null, ...(narrow ? { axis: null } : {}) },
      x: {
        field: "value",
        type: "quantitative",
        title: valueTitle,
        axis: { tickMinStep: 1, format: ",d", ...(narrow ? { tickCount: 3 } : {}) },
      },
    },
    layer: narrow
      ? [
          { mark: { type: "bar", color: GREEN, size: 16, yOffset: 8 } },
          { mark: { ...value, yOffset: 8 }, encoding: { text: { field: "value", format: ",d" } } },
          {
            mark: { type: "text", align: "left", fontSize: 13, yOffset: -10, limit: 320 },
            encoding: { x: { value: 0 }, text: { field: "label" } },
          },
        ]
      : [
          { mark: { type: "bar", color: GREEN } },
          { mark: value, encoding: { text: { field: "value", format: ",d" } } },
        ],
  }));
}

/**
 * Grouped bars: several series (named) per category, e.g. kronor per year. Columns on a wide
 * screen; on a phone the bars lie down, so any number of categories fits its width.
 */
export function groupedChart(rows: { category: string; series: string; value: number }[], valueTitle: string) {
  return inTwoSizes((narrow) => ({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...(narrow ? { width: 220, height: { step: 12 } } : { width: { step: 28 }, height: 220 }),
    config,
    data: { values: rows },
    mark: "bar",
    encoding: {
      [narrow ? "y" : "x"]: { field: "category", type: "nominal", title: null, axis: { labelAngle: 0 } },
      [narrow ? "yOffset" : "xOffset"]: { field: "series", type: "nominal" },
      [narrow ? "x" : "y"]: {
        field: "value",
        type: "quantitative",
        title: valueTitle,
        axis: { format: ",d", ...(narrow ? { tickCount: 3 } : {}) },
      },
      // The series in the order given, not alphabetical.
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: null,
        scale: { domain: [...new Set(rows.map((r) => r.series))], range: COLORS },
      },
    },
  }));
}
