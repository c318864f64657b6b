"""Build tiny random Hugging Face models into a local hub cache, for offline use.

Nothing can be downloaded here, so the loading examples and the tests build
small, randomly initialised models (a few hundred kB each) and place them
where ``huggingface_hub`` looks for downloaded ones:

    $HF_HOME/hub/models--ORG--NAME/snapshots/<commit>/   (save_pretrained here)
    $HF_HOME/hub/models--ORG--NAME/refs/main             (holds <commit>)

Then, with ``HF_HUB_OFFLINE=1``, ``stface.load("huggingface/stface-tiny/gpt2")``
finds them by name. Their outputs are random words: they show the plumbing,
not intelligence.

    python examples/tiny_models.py ~/.cache/stface-tiny-hf
    HF_HOME=~/.cache/stface-tiny-hf HF_HUB_OFFLINE=1 python examples/load_text_generation.py
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

WORDS = (
    "it was the best of times worst age wisdom foolishness hello world good bad love hate "
    "the cat sat on mat dog ran a and to of in is was he she his her it"
).split()

MODELS = {
    "stface-tiny/gpt2": "text-generation",
    "stface-tiny/bert-sentiment": "text-classification",
    "stface-tiny/marian-en-de": "translation",
    "stface-tiny/wav2vec2-ctc": "automatic-speech-recognition",
    "stface-tiny/vit-classifier": "image-classification",
    "stface-tiny/bert-qa": "question-answering",
    "stface-tiny/bert-ner": "token-classification",
    "stface-tiny/bert-mlm": "fill-mask",
    "stface-tiny/bert-nli": "zero-shot-classification",
    "stface-tiny/bert-features": "feature-extraction",
}


def _snapshot(hf_home: Path, name: str) -> Path:
    commit = hashlib.sha1(name.encode()).hexdigest()
    repo = Path(hf_home) / "hub" / ("models--" + name.replace("/", "--"))
    (repo / "refs").mkdir(parents=True, exist_ok=True)
    (repo / "refs" / "main").write_text(commit)
    snapshot = repo / "snapshots" / commit
    snapshot.mkdir(parents=True, exist_ok=True)
    return snapshot


def _word_tokenizer(special: dict[str, str]):
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {token: i for i, token in enumerate([*special.values(), *dict.fromkeys(WORDS)])}
    tokenizer = Tokenizer(models.WordLevel(vocab, unk_token=special["unk_token"]))
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, **special)


def _gpt2(path: Path) -> None:
    from transformers import GPT2Config, GPT2LMHeadModel

    tokenizer = _word_tokenizer({"unk_token": "[UNK]", "eos_token": "[EOS]", "bos_token": "[BOS]", "pad_token": "[PAD]"})
    config = GPT2Config(vocab_size=len(tokenizer), n_positions=64, n_embd=32, n_layer=2, n_head=2,
                        bos_token_id=tokenizer.bos_token_id, eos_token_id=tokenizer.eos_token_id)  # fmt: skip
    GPT2LMHeadModel(config).save_pretrained(path)
    tokenizer.save_pretrained(path)


def _bert(path: Path) -> None:
    from transformers import BertConfig, BertForSequenceClassification

    tokenizer = _word_tokenizer({"unk_token": "[UNK]", "pad_token": "[PAD]", "cls_token": "[CLS]", "sep_token": "[SEP]", "mask_token": "[MASK]"})
    config = BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=37, max_position_embeddings=64, num_labels=2,
                        id2label={0: "NEGATIVE", 1: "POSITIVE"}, label2id={"NEGATIVE": 0, "POSITIVE": 1})  # fmt: skip
    BertForSequenceClassification(config).save_pretrained(path)
    tokenizer.save_pretrained(path)


def _bert_family(path: Path, model_class: str, **config_extra) -> None:
    import transformers

    tokenizer = _word_tokenizer({"unk_token": "[UNK]", "pad_token": "[PAD]", "cls_token": "[CLS]", "sep_token": "[SEP]", "mask_token": "[MASK]"})
    config = transformers.BertConfig(vocab_size=len(tokenizer), hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=37, max_position_embeddings=64,
                                     **config_extra)  # fmt: skip
    getattr(transformers, model_class)(config).save_pretrained(path)
    tokenizer.save_pretrained(path)


def _marian(path: Path) -> None:
    from transformers import MarianConfig, MarianMTModel

    tokenizer = _word_tokenizer({"pad_token": "<pad>", "unk_token": "<unk>", "eos_token": "</s>"})
    config = MarianConfig(vocab_size=len(tokenizer), d_model=32, encoder_layers=1, decoder_layers=1,
                          encoder_attention_heads=2, decoder_attention_heads=2, encoder_ffn_dim=37,
                          decoder_ffn_dim=37, max_position_embeddings=64, pad_token_id=tokenizer.pad_token_id,
                          eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.pad_token_id,
                          forced_eos_token_id=tokenizer.eos_token_id, max_length=12)  # fmt: skip
    MarianMTModel(config).save_pretrained(path)
    tokenizer.save_pretrained(path)


def _wav2vec2(path: Path) -> None:
    from transformers import Wav2Vec2Config, Wav2Vec2CTCTokenizer, Wav2Vec2FeatureExtractor, Wav2Vec2ForCTC, Wav2Vec2Processor

    letters = ["<pad>", "<s>", "</s>", "<unk>", "|", *"abcdefghijklmnopqrstuvwxyz'"]
    (path / "vocab.json").write_text(json.dumps({c: i for i, c in enumerate(letters)}))
    tokenizer = Wav2Vec2CTCTokenizer(str(path / "vocab.json"), word_delimiter_token="|")
    extractor = Wav2Vec2FeatureExtractor(feature_size=1, sampling_rate=16000, padding_value=0.0, do_normalize=True, return_attention_mask=False)
    config = Wav2Vec2Config(vocab_size=len(letters), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                            intermediate_size=37, conv_dim=(32, 32), conv_stride=(5, 4), conv_kernel=(10, 4),
                            num_conv_pos_embeddings=16, num_conv_pos_embedding_groups=2, pad_token_id=0)  # fmt: skip
    Wav2Vec2ForCTC(config).save_pretrained(path)
    Wav2Vec2Processor(feature_extractor=extractor, tokenizer=tokenizer).save_pretrained(path)


def _vit(path: Path) -> None:
    from transformers import ViTConfig, ViTForImageClassification, ViTImageProcessor

    labels = {0: "cat", 1: "dog", 2: "bird"}
    config = ViTConfig(image_size=32, patch_size=8, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                       intermediate_size=37, num_labels=3, id2label=labels,
                       label2id={v: k for k, v in labels.items()})  # fmt: skip
    ViTForImageClassification(config).save_pretrained(path)
    ViTImageProcessor(size={"height": 32, "width": 32}).save_pretrained(path)


_BUILDERS = {
    "stface-tiny/gpt2": _gpt2,
    "stface-tiny/bert-sentiment": _bert,
    "stface-tiny/marian-en-de": _marian,
    "stface-tiny/wav2vec2-ctc": _wav2vec2,
    "stface-tiny/vit-classifier": _vit,
    "stface-tiny/bert-qa": lambda p: _bert_family(p, "BertForQuestionAnswering"),
    "stface-tiny/bert-ner": lambda p: _bert_family(
        p, "BertForTokenClassification", num_labels=3, id2label={0: "O", 1: "B-PER", 2: "I-PER"},
        label2id={"O": 0, "B-PER": 1, "I-PER": 2},
    ),
    "stface-tiny/bert-mlm": lambda p: _bert_family(p, "BertForMaskedLM"),
    "stface-tiny/bert-nli": lambda p: _bert_family(
        p, "BertForSequenceClassification", num_labels=3,
        id2label={0: "entailment", 1: "neutral", 2: "contradiction"},
        label2id={"entailment": 0, "neutral": 1, "contradiction": 2},
    ),
    "stface-tiny/bert-features": lambda p: _bert_family(p, "BertModel"),
}


def build(hf_home: str | Path, names: list[str] | None = None) -> dict[str, str]:
    """Build the tiny models into ``hf_home``'s hub cache; return {name: task}."""
    import torch

    torch.manual_seed(0)
    for name in names or list(_BUILDERS):
        snapshot = _snapshot(Path(hf_home), name)
        if not (snapshot / "config.json").exists():
            _BUILDERS[name](snapshot)
    return {name: MODELS[name] for name in names or list(_BUILDERS)}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else Path.home() / ".cache" / "stface-tiny-hf")
    for model, task in build(target).items():
        print(f"{model:<32} {task}")
    print(f"\nNow: HF_HOME={target} HF_HUB_OFFLINE=1 python examples/load_text_generation.py")
