"""A real OpenAI-compatible chat server for tests: ``transformers serve`` on a tiny model built offline.

``transformers serve PATH`` loads a local model directory (its ModelManager
keeps an existing path as it is, with no ``@revision``) and serves
``/v1/chat/completions``, streamed or not, with nothing fetched. Three things
make it work here:

* the extra packages of ``transformers[serving]`` (fastapi, uvicorn, openai,
  accelerate: pyproject's ``dev`` extra);
* a chat template in the tokenizer: without one ``apply_chat_template``
  raises and the server answers a bare 500 "Internal Server Error";
* ``HF_HUB_DISABLE_UPDATE_CHECK=1``: the CLI's entry point otherwise asks
  PyPI once a day whether a newer transformers exists.

The model is a GPT-2 whose blocks add nothing (zero output projections) and
whose position embeddings are zero, so its next token depends on the last
token alone: a bigram table written into its weights. Greedy decoding (the
served default) makes it a predictable talker that continues the prompt's
last word:

    ... cat   -> "sat on mat"
    ... hello -> "world"
    ... count -> "one two three ... twenty"
    anything else (an unknown word) -> "hello world"

The server talks at TOKEN_SECONDS a token (tests/support/steady_serve.py):
fast enough for a quick suite, slow enough that a stream reaches the browser
as updates rather than whole.

The chat template writes the conversation, then, as the generation prompt,
the system message(s): so the last word is the system message's when there is
one, else the last message's. It has 64 positions: a longer prompt makes the
server fail (a 500), a real server error on demand.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_support import Server

SPECIAL = {"unk_token": "[UNK]", "eos_token": "[EOS]", "bos_token": "[BOS]", "pad_token": "[PAD]"}
#: "count" starts the longest answer: COUNTING, then [EOS] (a stream long enough to watch arrive).
COUNTING = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
            "seventeen eighteen nineteen twenty").split()  # fmt: skip
WORDS = ["hello", "world", "the", "cat", "sat", "on", "mat", "dog", "ran", "a", "count", *COUNTING]
#: word -> the word the model says next ([EOS]: it stops). Every other token leads to [EOS].
NEXT = {"[UNK]": "hello", "hello": "world", "world": "[EOS]", "cat": "sat", "sat": "on", "on": "mat", "mat": "[EOS]",
        "count": COUNTING[0], **dict(zip(COUNTING, COUNTING[1:]))}  # fmt: skip
#: How long the served model takes for each token (each forward pass).
TOKEN_SECONDS = 0.02
CHAT_TEMPLATE = (
    "{%- for m in messages if m['role'] != 'system' %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}"
    "{%- if add_generation_prompt %}{% for m in messages if m['role'] == 'system' %}{{ m['content'] }}\n{% endfor %}"
    "{%- endif %}"
)


def build_bigram_lm(path: Path) -> Path:
    """Save the tiny bigram GPT-2 and its word tokenizer (with CHAT_TEMPLATE) into ``path``."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    vocab = {token: i for i, token in enumerate([*SPECIAL.values(), *WORDS])}
    backend = Tokenizer(models.WordLevel(vocab, unk_token=SPECIAL["unk_token"]))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.decoder = decoders.WordPiece(prefix="##")  # joins words with spaces
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=backend, **SPECIAL)
    tokenizer.chat_template = CHAT_TEMPLATE
    size = len(vocab)
    config = GPT2Config(vocab_size=size, n_positions=64, n_embd=size, n_layer=1, n_head=1, tie_word_embeddings=False,
                        bos_token_id=vocab["[BOS]"], eos_token_id=vocab["[EOS]"], pad_token_id=vocab["[PAD]"])  # fmt: skip
    model = GPT2LMHeadModel(config)
    with torch.no_grad():
        model.transformer.wte.weight.copy_(torch.eye(size) * 4)
        model.transformer.wpe.weight.zero_()
        for block in model.transformer.h:
            for projection in (block.attn.c_proj, block.mlp.c_proj):
                projection.weight.zero_()
                projection.bias.zero_()
        head = torch.zeros(size, size)
        for token, index in vocab.items():
            head[vocab[NEXT.get(token, "[EOS]")], index] = 10.0
        model.lm_head.weight.copy_(head)
    model.generation_config.do_sample = False
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


class OpenAIServer(Server):
    """``transformers serve MODEL`` on 127.0.0.1: ``base_url`` (ends in /v1/) and ``model`` for an OpenAI client."""

    def __init__(self, model: Path, port: int) -> None:
        self.model, self.base_url = str(model), f"http://127.0.0.1:{port}/v1/"
        env = {"HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_UPDATE_CHECK": "1", "TOKENIZERS_PARALLELISM": "false"}
        serve = [sys.executable, str(Path(__file__).with_name("steady_serve.py")), str(TOKEN_SECONDS), "serve"]
        command = [*serve, self.model,
                   "--host", "127.0.0.1", "--port", str(port), "--device", "cpu", "--log-level", "warning"]  # fmt: skip
        super().__init__(command, port=port, env=env, health="/health", timeout=180)


@pytest.fixture(scope="session")
def openai_server(tmp_path_factory) -> Iterator[OpenAIServer]:
    """A running ``transformers serve`` with the bigram model (see the module docstring), for the whole session."""
    from e2e_support import free_port

    model = build_bigram_lm(tmp_path_factory.mktemp("bigram-lm"))
    server = OpenAIServer(model, free_port())
    yield server
    server.stop()
