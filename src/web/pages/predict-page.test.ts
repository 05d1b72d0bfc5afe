// The Predict page says why a scenario does not fit, in the form's words.
import { describe, expect, it } from "vitest";
import { webContext } from "../context.js";
import { predictPage } from "./predict-page.js";

const render = (query: string) => {
  const url = new URL(`http://127.0.0.1/predict?${query}`);
  return predictPage({ ...webContext({}, process.cwd()), url, query: url.searchParams }).main.value;
};

describe("Predict page: does-not-fit reasons", () => {
  it("a 200k-token input on Llama 3.3 70B (131,072-token context) is refused naming the input field and the window", () => {
    const page = render("input=200000");
    expect(page).toContain('data-value="exceeds_context_window"');
    expect(page).toMatch(/Does not fit:.*input \(scenario\.workload\.inputTokens\): a request of 200000 input \+ 1000 output tokens is longer than the 131072-token context window/s);
  });

  it("an impossible SLO says the SLO, not the weights", () => {
    const page = render("mode=slo&ttft=0.001&tpot=0.0001");
    expect(page).toContain('data-value="slo_unreachable"');
    expect(page).not.toContain("weights need");
  });

  it("a scenario that fits shows no error", () => {
    expect(render("")).not.toContain('class="error"');
  });
});
