import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canRenderText, renderPng } from "./png.js";
import { chartFormatOf, writeChart } from "./write-chart.js";

const dir = mkdtempSync(join(tmpdir(), "costcurve-report-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><text x="5" y="30" font-family="system-ui" font-size="14">chart</text></svg>';

describe("png and writeChart", () => {
  it("renders PNG bytes at the requested width", () => {
    const png = renderPng(svg, { width: 200 });
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]); // PNG signature
    // IHDR width and height are big-endian at bytes 16-23: 200 x 100 (aspect 2:1 kept)
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([200, 100]);
    expect(() => renderPng(svg, { width: 0 })).toThrow("png width: 0");
  });

  it("finds a font so text appears in PNGs (Debian: fonts-dejavu-core)", () => {
    expect(canRenderText()).toBe(true);
  });

  it("chooses the format by extension and names the allowed ones otherwise", async () => {
    expect(chartFormatOf("a/B.PNG")).toBe("png");
    expect(chartFormatOf("chart.svg")).toBe("svg");
    expect(chartFormatOf("chart.jpg")).toBeUndefined();
    const written = await writeChart(join(dir, "nested", "c.svg"), svg);
    expect(written).toEqual({ path: join(dir, "nested", "c.svg"), format: "svg", byteCount: Buffer.byteLength(svg) });
    expect(readFileSync(join(dir, "nested", "c.svg"), "utf8")).toBe(svg);
    const png = await writeChart(join(dir, "c.png"), svg);
    expect(readFileSync(join(dir, "c.png")).subarray(1, 4).toString()).toBe("PNG");
    expect(png.format).toBe("png");
    await expect(writeChart(join(dir, "c.jpg"), svg)).rejects.toThrow(/c\.jpg" must end in \.svg or \.png/);
  });
});
