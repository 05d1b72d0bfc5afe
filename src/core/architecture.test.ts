import { describe, expect, it } from "vitest";
import { parseArchitecture } from "./architecture.js";
import { countParameters } from "./parameters.js";

const llama33_70b = {
  architectures: ["LlamaForCausalLM"],
  model_type: "llama",
  hidden_size: 8192,
  intermediate_size: 28672,
  num_hidden_layers: 80,
  num_attention_heads: 64,
  num_key_value_heads: 8,
  vocab_size: 128256,
  tie_word_embeddings: false,
  max_position_embeddings: 131072,
  hidden_act: "silu",
};

describe("parseArchitecture", () => {
  it("counts Llama 3.3 70B exactly (L1: 70,553,706,496)", () => {
    // embeddings 128256*8192 twice (untied) = 2,101,346,304; per layer q,o 2*8192^2 + k,v 2*8192*1024
    // + MLP 3*8192*28672 + 2 norms 16384 = 855,654,400; x80 + final norm 8192 = 70,553,706,496.
    const arch = parseArchitecture(llama33_70b);
    if (!arch.ok) throw new Error(JSON.stringify(arch.issues));
    expect(countParameters(arch.value).totalCount).toBe(70_553_706_496);
  });

  it("names a missing field", () => {
    const { hidden_size: _, ...broken } = llama33_70b;
    const arch = parseArchitecture(broken);
    expect(arch.ok).toBe(false);
    if (!arch.ok) expect(arch.issues[0]).toMatchObject({ code: "missing_field", field: "hidden_size" });
  });

  it("rejects contradictory head counts", () => {
    const arch = parseArchitecture({ ...llama33_70b, num_key_value_heads: 7 });
    expect(arch.ok).toBe(false);
    if (!arch.ok) expect(arch.issues[0]!.code).toBe("contradictory_fields");
  });

  it("rejects a non-object config", () => {
    expect(parseArchitecture([1, 2]).ok).toBe(false);
    expect(parseArchitecture("x").ok).toBe(false);
  });
});
