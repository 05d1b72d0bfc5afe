import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource } from "./source.js";

const BERT_BASE = {
  architectures: ["BertModel"], model_type: "bert", hidden_act: "gelu", layer_norm_eps: 1e-12,
  max_position_embeddings: 512, position_embedding_type: "absolute", type_vocab_size: 2, vocab_size: 30522,
  torch_dtype: "float32",
} as const;

/** BERT and XLM-R embedding encoders as published on Hugging Face. */
export const ENCODER_MODELS: ModelEntry[] = [
  {
    id: "BAAI/bge-large-en-v1.5", aliases: ["BAAI/bge-large-en"], name: "BGE large en v1.5",
    config: { ...BERT_BASE, hidden_size: 1024, intermediate_size: 4096, num_hidden_layers: 24, num_attention_heads: 16 },
    statedParamCount: 335e6,
    source: hfConfigSource("BAAI/bge-large-en-v1.5", "card", "BERT-large shape (24 layers, 1024, 16 heads, 4096), 512 tokens; card lists 335M parameters and 1024-d embeddings."),
  },
  {
    id: "BAAI/bge-base-en-v1.5", aliases: ["BAAI/bge-base-en"], name: "BGE base en v1.5",
    config: { ...BERT_BASE, hidden_size: 768, intermediate_size: 3072, num_hidden_layers: 12, num_attention_heads: 12 },
    statedParamCount: 109e6,
    source: hfConfigSource("BAAI/bge-base-en-v1.5", "card", "BERT-base shape (12 layers, 768, 12 heads, 3072); card lists 109M parameters and 768-d embeddings."),
  },
  {
    id: "BAAI/bge-small-en-v1.5", aliases: ["BAAI/bge-small-en"], name: "BGE small en v1.5",
    config: { ...BERT_BASE, hidden_size: 384, intermediate_size: 1536, num_hidden_layers: 12, num_attention_heads: 12 },
    statedParamCount: 33.4e6,
    source: hfConfigSource("BAAI/bge-small-en-v1.5", "card", "12 layers, 384 hidden, 12 heads, 1536 FFN; card lists 33.4M parameters and 384-d embeddings."),
  },
  {
    id: "intfloat/e5-large-v2", aliases: [], name: "E5 large v2",
    config: { ...BERT_BASE, hidden_size: 1024, intermediate_size: 4096, num_hidden_layers: 24, num_attention_heads: 16 },
    statedParamCount: 335e6,
    source: hfConfigSource("intfloat/e5-large-v2", "card", "Card: 24 layers, 1024-d embeddings, initialised from BERT-large (335M parameters)."),
  },
  {
    id: "intfloat/multilingual-e5-large", aliases: [], name: "Multilingual E5 large",
    config: {
      architectures: ["XLMRobertaModel"], model_type: "xlm-roberta", hidden_act: "gelu", layer_norm_eps: 1e-5,
      hidden_size: 1024, intermediate_size: 4096, num_hidden_layers: 24, num_attention_heads: 16,
      max_position_embeddings: 514, position_embedding_type: "absolute", type_vocab_size: 1, vocab_size: 250002,
      torch_dtype: "float32",
    },
    statedParamCount: 560e6,
    source: hfConfigSource("intfloat/multilingual-e5-large", "card", "Card: initialised from xlm-roberta-large, 24 layers, 1024-d; 560M parameters (250002-token vocabulary, 514 positions)."),
  },
  {
    id: "sentence-transformers/all-MiniLM-L6-v2", aliases: [], name: "all-MiniLM-L6-v2",
    config: { ...BERT_BASE, hidden_size: 384, intermediate_size: 1536, num_hidden_layers: 6, num_attention_heads: 12 },
    statedParamCount: 22.7e6,
    source: hfConfigSource("sentence-transformers/all-MiniLM-L6-v2", "card", "MiniLM-L6-H384 (6 layers, 384 hidden, 12 heads, 1536 FFN); 22.7M parameters, 256 word pieces max sequence per card."),
  },
];
