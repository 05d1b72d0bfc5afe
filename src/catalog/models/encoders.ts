import type { ModelEntry } from "../model-entry.js";
import { hfConfigSource } from "./source.js";

const BERT_BASE = {
  architectures: ["BertModel"],
  model_type: "bert",
  hidden_act: "gelu",
  layer_norm_eps: 1e-12,
  max_position_embeddings: 512,
  position_embedding_type: "absolute",
  type_vocab_size: 2,
  vocab_size: 30522,
  torch_dtype: "float32",
} as const;

/** BERT and XLM-R embedding encoders as published on Hugging Face. */
export const ENCODER_MODELS: ModelEntry[] = [
  {
    id: "BAAI/bge-large-en-v1.5",
    aliases: ["BAAI/bge-large-en"],
    name: "BGE large en v1.5",
    config: { ...BERT_BASE, hidden_size: 1024, intermediate_size: 4096, num_hidden_layers: 24, num_attention_heads: 16 },
    statedParamCount: 335e6,
    source: hfConfigSource("BAAI/bge-large-en-v1.5", "search", "Copy read: huggingface.co/Qdrant/bge-large-en-v1.5-onnx config.json (_name_or_path BAAI/bge-large-en-v1.5). Card: 335M parameters, 1024-d embeddings."),
  },
  {
    id: "BAAI/bge-base-en-v1.5",
    aliases: ["BAAI/bge-base-en"],
    name: "BGE base en v1.5",
    config: { ...BERT_BASE, hidden_size: 768, intermediate_size: 3072, num_hidden_layers: 12, num_attention_heads: 12 },
    statedParamCount: 109e6,
    source: hfConfigSource("BAAI/bge-base-en-v1.5", "search", "Copy read: huggingface.co/Narsil/bge-base-en config.json (duplicate of BAAI/bge-base-en; v1.5 keeps the architecture). Card: 109M parameters, 768-d embeddings."),
  },
  {
    id: "BAAI/bge-small-en-v1.5",
    aliases: ["BAAI/bge-small-en"],
    name: "BGE small en v1.5",
    config: { ...BERT_BASE, hidden_size: 384, intermediate_size: 1536, num_hidden_layers: 12, num_attention_heads: 12 },
    statedParamCount: 33.4e6,
    source: hfConfigSource("BAAI/bge-small-en-v1.5", "search", "Copy read: a fine-tune config with _name_or_path BAAI/bge-small-en-v1.5 (huggingface.co/josejointriple/model_21). Card: 33.4M parameters, 384-d embeddings."),
  },
  {
    id: "intfloat/e5-large-v2",
    aliases: [],
    name: "E5 large v2",
    config: { ...BERT_BASE, hidden_size: 1024, intermediate_size: 4096, num_hidden_layers: 24, num_attention_heads: 16 },
    statedParamCount: 335e6,
    source: hfConfigSource("intfloat/e5-large-v2", "card", "Card: 24 layers, 1024-d embeddings, initialised from BERT-large (335M parameters)."),
  },
  {
    id: "intfloat/multilingual-e5-large",
    aliases: [],
    name: "Multilingual E5 large",
    config: {
      architectures: ["XLMRobertaModel"],
      model_type: "xlm-roberta",
      hidden_act: "gelu",
      layer_norm_eps: 1e-5,
      hidden_size: 1024,
      intermediate_size: 4096,
      num_hidden_layers: 24,
      num_attention_heads: 16,
      max_position_embeddings: 514,
      position_embedding_type: "absolute",
      type_vocab_size: 1,
      vocab_size: 250002,
      torch_dtype: "float32",
    },
    statedParamCount: 560e6,
    source: hfConfigSource(
      "intfloat/multilingual-e5-large",
      "search",
      "Copy read: Hiveurban/multilingual-e5-large-pooled onnx/config.json committed by intfloat (_name_or_path intfloat/multilingual-e5-large). Card: 560M parameters, initialised from xlm-roberta-large.",
    ),
  },
  {
    id: "sentence-transformers/all-MiniLM-L6-v2",
    aliases: [],
    name: "all-MiniLM-L6-v2",
    config: { ...BERT_BASE, hidden_size: 384, intermediate_size: 1536, num_hidden_layers: 6, num_attention_heads: 12 },
    statedParamCount: 22.7e6,
    source: hfConfigSource(
      "sentence-transformers/all-MiniLM-L6-v2",
      "search",
      "Copy read: huggingface.co/Supabase/all-MiniLM-L6-v2 config.json (_name_or_path sentence-transformers/all-MiniLM-L6-v2). Card: 22.7M parameters; inputs truncated at 256 word pieces.",
    ),
  },
];
