import { describe, expect, it } from "vitest";
import { formatUsd } from "./format.js";
import { formatKeyValues, formatTable } from "./table.js";
import type { Column } from "./cell.js";

interface Row {
  accelerator: string;
  outputTokensPerSecond: number | null;
  usdPerMillionOutputTokens: number;
}

const columns: Column<Row>[] = [{ key: "accelerator" }, { key: "outputTokensPerSecond", header: "output", unit: "tokens/s" }, { key: "usdPerMillionOutputTokens", header: "cost", unit: "USD/M tokens", format: formatUsd }];

describe("formatTable", () => {
  it("aligns columns, right-aligns numbers and puts units in headers", () => {
    const rows: Row[] = [
      { accelerator: "h100-sxm", outputTokensPerSecond: 24500, usdPerMillionOutputTokens: 0.68 },
      { accelerator: "mi300x", outputTokensPerSecond: 1234.5, usdPerMillionOutputTokens: 0.0166 },
    ];
    // widths: "accelerator" 11, "output (tokens/s)" 17, "cost (USD/M tokens)" 19; 1234.5 -> "1,235" (4 integer digits kept)
    expect(formatTable(columns, rows)).toBe(
      ["accelerator  output (tokens/s)  cost (USD/M tokens)", "-----------  -----------------  -------------------", "h100-sxm                24,500                $0.68", "mi300x                   1,235              $0.0166", ""].join(
        "\n",
      ),
    );
  });

  it("prints '-' for null, NaN, Infinity and undefined cells", () => {
    const rows = [
      { accelerator: "a", outputTokensPerSecond: null, usdPerMillionOutputTokens: Number.NaN },
      { accelerator: undefined as unknown as string, outputTokensPerSecond: Number.POSITIVE_INFINITY, usdPerMillionOutputTokens: 1 },
    ];
    const text = formatTable(columns, rows);
    expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
    expect(text.split("\n")[2]).toBe("a                            -                    -");
  });

  it("keeps cells on one line and handles no rows", () => {
    const text = formatTable([{ key: "note" }], [{ note: "two\nlines\tand tab" }]);
    expect(text).toBe("note\n-----------------\ntwo lines and tab\n");
    expect(formatTable(columns, [])).toBe("accelerator  output (tokens/s)  cost (USD/M tokens)\n-----------  -----------------  -------------------\n");
  });

  it("formats key/value summaries", () => {
    expect(
      formatKeyValues([
        ["bound", "memory"],
        ["ttft", "310 ms"],
      ]),
    ).toBe("bound  memory\nttft   310 ms\n");
  });
});
