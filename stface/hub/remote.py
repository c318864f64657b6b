"""Models run remotely through ``huggingface_hub.InferenceClient``.

Used with ``src="api"``, or when transformers is not installed. Every call
has a timeout, and the token is only ever sent to Hugging Face's own hosts.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import numpy as np

from stface.components._codecs import AudioClip, encode_png, encode_wav

__all__ = ["remote_runner", "token_for"]

_HF_HOSTS = ("huggingface.co", "hf.co", "hf.space", "huggingface.cloud")
TIMEOUT_S = 60.0


def token_for(model: str, token: str | None) -> str | None:
    """The token, unless ``model`` is a URL that is not a Hugging Face host."""
    if token is None or "://" not in model:
        return token
    host = (urlparse(model).hostname or "").lower()
    return token if any(host == h or host.endswith("." + h) for h in _HF_HOSTS) else None


def _wav(audio: tuple[int, np.ndarray]) -> bytes:
    return encode_wav(AudioClip(int(audio[0]), np.asarray(audio[1])))


def _rows(items: Any) -> list[dict[str, Any]]:
    # huggingface_hub's output types are dicts too, so this keeps every field.
    return [dict(item) for item in items]


def remote_runner(model: str, task: str, token: str | None = None, timeout: float = TIMEOUT_S) -> Any:
    """A callable answering in transformers pipeline shapes, backed by the Inference API."""
    try:
        from huggingface_hub import InferenceClient
    except ImportError:
        raise ImportError("Remote models need huggingface_hub: pip install 'stface[hf]'") from None
    client = InferenceClient(model=model, token=token_for(model, token), timeout=timeout)
    runners = {
        "text-generation": lambda text, **kw: [{"generated_text": text + client.text_generation(text, max_new_tokens=50)}],
        "text2text-generation": lambda text: [{"generated_text": client.text_generation(text)}],
        "translation": lambda text: [{"translation_text": client.translation(text).translation_text}],
        "summarization": lambda text: [{"summary_text": client.summarization(text).summary_text}],
        "fill-mask": lambda text: _rows(client.fill_mask(text)),
        "text-classification": lambda text, top_k=None: _rows(client.text_classification(text)),
        "token-classification": lambda text: _rows(client.token_classification(text)),
        "question-answering": lambda question, context: dict(client.question_answering(question=question, context=context)),
        "zero-shot-classification": lambda text, candidate_labels, multi_label: _zero_shot(client, text, candidate_labels, multi_label),
        "feature-extraction": lambda text: np.asarray(client.feature_extraction(text)),
        "automatic-speech-recognition": lambda audio: {"text": client.automatic_speech_recognition(_wav(audio)).text},
        "audio-classification": lambda audio: _rows(client.audio_classification(_wav(audio))),
        "image-classification": lambda image: _rows(client.image_classification(encode_png(image))),
        "object-detection": lambda image: [dict(d) | {"box": dict(d["box"])} for d in client.object_detection(encode_png(image))],
    }
    if task not in runners:
        raise ValueError(f"Unsupported task {task!r} for remote models. Supported: {', '.join(sorted(runners))}.")
    return runners[task]


def _zero_shot(client: Any, text: str, labels: list[str], multi: bool) -> dict[str, Any]:
    rows = _rows(client.zero_shot_classification(text, candidate_labels=labels, multi_label=multi))
    return {"labels": [r["label"] for r in rows], "scores": [r["score"] for r in rows]}
