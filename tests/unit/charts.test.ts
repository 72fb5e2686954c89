import { describe, expect, it } from "vitest";
import { barChart, groupedChart } from "~/domain/statistics/charts.server";

const widthOf = (svg: string) => Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);

describe("the overview's charts", () => {
  it("come in a phone's width and a wide one, with Swedish numbers and escaped labels", async () => {
    const { wide, narrow } = await barChart(
      [
        { label: "Beslutad <script>alert(1)</script>", value: 160000 },
        { label: "Inskickad", value: 3 },
      ],
      "Antal",
    );
    expect(widthOf(narrow)).toBeLessThanOrEqual(340);
    expect(widthOf(wide)).toBeGreaterThan(480);
    for (const svg of [wide, narrow]) {
      expect(svg).toMatch(/^<svg aria-hidden="true" focusable="false" /);
      expect(svg).toContain("160\u00a0000");
      expect(svg).not.toContain("<script>");
    }
  });

  it("lay grouped bars down on a phone, so many categories still fit", async () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      ["Beviljat", "Utbetalt", "Egen insats"].map((series, s) => ({
        category: String(2015 + i),
        series,
        value: 1_000_000 * (i + 1) + s,
      })),
    ).flat();
    const { wide, narrow } = await groupedChart(rows, "Kronor");
    expect(widthOf(narrow)).toBeLessThanOrEqual(340);
    expect(widthOf(wide)).toBeGreaterThan(900);
    expect(narrow).toContain("2026");
  });
});
