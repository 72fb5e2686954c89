import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

// The overview's charts, drawn on the server as SVG with Vega-Lite (decision 014): they show
// without JavaScript and add nothing to the page's scripts. Each chart stands beside a table
// with the same figures, which is what screen readers read (the SVG is hidden from them).

const FONT = "DejaVu Sans, Verdana, sans-serif";
const GREEN = "#1d6b44";
const COLORS = [GREEN, "#b35900", "#4a4a8a"];

const drawn = new Map<string, string>();

// Numbers the Swedish way: 160 000, not 160,000.
vega.formatLocale({ decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"] });

async function svgOf(spec: TopLevelSpec) {
  const key = JSON.stringify(spec);
  const hit = drawn.get(key);
  if (hit) return hit;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  // Its own size on a wide screen; the page's CSS shrinks it to a phone's width (viewBox).
  const svg = (await view.toSVG()).replace("<svg ", '<svg aria-hidden="true" focusable="false" ');
  view.finalize();
  // A few dozen distinct charts at most (filters × figures); forget the oldest beyond that.
  if (drawn.size > 100) drawn.delete(drawn.keys().next().value as string);
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

/** Horizontal bars: one per row, its value at the end. */
export function barChart(rows: { label: string; value: number }[], valueTitle: string) {
  return svgOf({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 480,
    height: { step: 28 },
    config,
    data: { values: rows },
    encoding: {
      y: { field: "label", type: "nominal", sort: null, title: null },
      x: { field: "value", type: "quantitative", title: valueTitle, axis: { tickMinStep: 1, format: "d" } },
    },
    layer: [
      { mark: { type: "bar", color: GREEN } },
      { mark: { type: "text", align: "left", dx: 4, fontSize: 13 }, encoding: { text: { field: "value" } } },
    ],
  });
}

/** Grouped columns: several series (named) per category, e.g. kronor per year. */
export function groupedChart(rows: { category: string; series: string; value: number }[], valueTitle: string) {
  return svgOf({
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: { step: 28 },
    height: 220,
    config,
    data: { values: rows },
    mark: "bar",
    encoding: {
      x: { field: "category", type: "nominal", title: null, axis: { labelAngle: 0 } },
      xOffset: { field: "series", type: "nominal" },
      y: { field: "value", type: "quantitative", title: valueTitle, axis: { format: ",d" } },
      // The series in the order given, not alphabetical.
      color: {
        field: "series",
        type: "nominal",
        title: null,
        sort: null,
        scale: { domain: [...new Set(rows.map((r) => r.series))], range: COLORS },
      },
    },
  });
}
