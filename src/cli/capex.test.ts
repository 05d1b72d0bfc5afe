import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { captureIo } from "./io.js";
import { registerCapex } from "./capex.js";

async function run(args: string[], env: Record<string, string>, cwd: string) {
  const io = captureIo(env, cwd);
  const program = new Command().exitOverride();
  registerCapex(program, io);
  await program.parseAsync(["capex", ...args], { from: "user" });
  return { out: io.out.join(""), err: io.err.join("") };
}

describe("costcurve capex", () => {
  const dir = mkdtempSync(join(tmpdir(), "costcurve-capex-"));
  const env = { COSTCURVE_DB: join(dir, "test.db") };

  it("prints the summary table without creating a database", async () => {
    const { out } = await run([], env, dir);
    expect(out).toMatch(/Meta\s+FY2025\s+including-finance-leases\s+62\.5B\s+2025-01-29\s+71\.0B\s+2025-10-29\s+3\s+50\.1B\s+3\s+20\.9B\s+in-progress/);
    expect(out).toMatch(/CoreWeave/);
    expect(out).not.toMatch(/NaN|Infinity|undefined/);
  });

  it("adds user rows through the store and reads them back; CSV, JSON and SVG outputs", async () => {
    const rows = [
      {
        type: "guidance",
        company: "Nebius",
        fiscalYear: 2025,
        announcedDate: "2025-08-07",
        lowUsd: 2e9,
        highUsd: 2e9,
        statement: "About $2 billion of 2025 capex.",
        basis: "purchases-of-property-and-equipment",
        source: { url: "https://example.com/nebius", retrievedDate: "2026-11-22" },
      },
      {
        type: "reported",
        company: "Nebius",
        fiscalYear: 2025,
        fiscalQuarter: 1,
        periodEndDate: "2025-03-31",
        capexUsd: 0.5e9,
        basis: "purchases-of-property-and-equipment",
        source: { url: "https://example.com/nebius-q2", retrievedDate: "2026-11-22" },
      },
    ];
    writeFileSync(join(dir, "rows.json"), JSON.stringify(rows));
    const added = await run(["--import", "rows.json", "--company", "nebius", "--csv"], env, dir);
    expect(added.err).toContain("added 2 capex row(s)");
    // 2.0B guided, 0.5B drawn in one quarter -> 1.5B to draw
    expect(added.out).toContain("Nebius,FY2025,purchases-of-property-and-equipment,2000000000,2025-08-07,2000000000,2025-08-07,0,500000000,1,1500000000,in-progress");
    const again = JSON.parse((await run(["--company", "Nebius", "--json"], env, dir)).out);
    expect(again.reported).toHaveLength(1);
    await run(["--svg", "capex.svg"], env, dir);
    const svg = readFileSync(join(dir, "capex.svg"), "utf8");
    expect(svg).toContain("Nebius");
  });

  it("rejects an unknown company and malformed rows with the field named", async () => {
    await expect(run(["--company", "Initech"], env, dir)).rejects.toThrow(/unknown company "Initech"; known: .*Meta/);
    writeFileSync(join(dir, "bad.json"), JSON.stringify([{ type: "reported", company: "X", fiscalYear: 2025, periodEndDate: "2025-06-30", capexUsd: -1, basis: "cash", source: { url: "https://e.com", retrievedDate: "2026-11-22" } }]));
    await expect(run(["--import", "bad.json"], env, dir)).rejects.toThrow(/row 1: .*capexUsd|row 1: .*basis/);
    writeFileSync(join(dir, "broken.json"), "[{");
    await expect(run(["--import", "broken.json"], env, dir)).rejects.toThrow(/^--import file .*broken\.json: not valid JSON/);
    await expect(run(["--json", "--csv"], env, dir)).rejects.toThrow("--json and --csv: choose one output format");
  });
});
