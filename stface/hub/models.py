"""Hugging Face models run locally through transformers, built once per process.

The task comes from the hub's pipeline tag when the hub can be reached, and
from the model's ``config.json`` (its ``architectures``) otherwise, since
offline the tag cannot be fetched. Tasks that the installed transformers no
longer ships as a pipeline (transformers 5 dropped the sequence-to-sequence
and extractive QA ones) run on the same Auto classes with ``generate`` or a
span search.
"""

from __future__ import annotations

import os
import re
import threading
from typing import Any

import numpy as np

__all__ = ["detect_task", "local_runner", "pipeline_runner", "pipeline_task", "task_from_architecture"]

_runners: dict[tuple[str, str], Any] = {}
_lock = threading.Lock()

# Suffixes of transformers class names, in the order they are tried.
_ARCHITECTURES = [
    ("MarianMTModel", "translation"),
    ("WhisperForConditionalGeneration", "automatic-speech-recognition"),
    ("ForSpeechSeq2Seq", "automatic-speech-recognition"),
    ("ForCTC", "automatic-speech-recognition"),
    ("ForAudioClassification", "audio-classification"),
    ("ForImageClassification", "image-classification"),
    ("ForObjectDetection", "object-detection"),
    ("Segmentation", "image-segmentation"),
    ("ForCausalLM", "text-generation"),
    ("LMHeadModel", "text-generation"),
    ("ForConditionalGeneration", "text2text-generation"),
    ("ForSequenceClassification", "text-classification"),
    ("ForTokenClassification", "token-classification"),
    ("ForQuestionAnswering", "question-answering"),
    ("ForMaskedLM", "fill-mask"),
    ("Model", "feature-extraction"),
]


def _need_transformers() -> Any:
    try:
        import transformers
    except ImportError:
        raise ImportError("Loading Hugging Face models needs transformers: pip install 'stface[hf]'") from None
    return transformers


def task_from_architecture(architecture: str, model_type: str | None = None) -> str:
    """A transformers class name (``"GPT2LMHeadModel"``) -> its pipeline task."""
    if model_type == "marian":
        return "translation"
    for suffix, task in _ARCHITECTURES:
        if architecture.endswith(suffix):
            return task
    raise ValueError(f"Cannot tell the task of a {architecture!r} model; pass task=... to stface.load().")


def detect_task(name: str, token: str | None = None) -> str:
    """The hub's pipeline tag if the hub answers, else the task from config.json."""
    if os.environ.get("HF_HUB_OFFLINE", "0") not in ("1", "true", "True"):
        try:
            from huggingface_hub import model_info

            tag = model_info(name, token=token, timeout=10).pipeline_tag
            if tag:
                return tag
        except Exception:  # noqa: BLE001 - no hub, no tag: fall back to the config
            pass
    config = _need_transformers().AutoConfig.from_pretrained(name, token=token)
    architectures = getattr(config, "architectures", None) or [type(config).__name__.replace("Config", "Model")]
    return task_from_architecture(architectures[0], getattr(config, "model_type", None))


def local_runner(name: str, task: str, token: str | None = None) -> Any:
    """The runner for (model, task), built on first use and shared by every session."""
    key = (name, task)
    with _lock:
        if key not in _runners:
            _runners[key] = _build(name, task, token)
        return _runners[key]


def _build(name: str, task: str, token: str | None) -> Any:
    transformers = _need_transformers()
    from transformers.pipelines import SUPPORTED_TASKS, TASK_ALIASES

    if task in SUPPORTED_TASKS or task in TASK_ALIASES:
        return pipeline_runner(transformers.pipeline(task, model=name, token=token), task)
    if task in ("translation", "summarization", "text2text-generation"):
        return _Seq2Seq(transformers, name, task, token)
    if task == "question-answering":
        return _ExtractiveQA(transformers, name, token)
    raise ValueError(f"transformers {transformers.__version__} cannot run {task!r} models.")


def pipeline_runner(pipe: Any, task: str, *, bounded: bool = True) -> Any:
    """A transformers pipeline, called as the task table calls its runner.

    Sound is resampled to the model's rate. With ``bounded`` (models that
    ``stface.load`` builds), generation stops after 50 new tokens unless
    asked otherwise and entities are grouped into spans; a pipeline someone
    configured (``Interface.from_pipeline``) is called as configured.
    """
    from stface.hub.tasks import canonical_task

    task = canonical_task(task)
    if task in ("automatic-speech-recognition", "audio-classification"):
        return _AudioRunner(pipe)
    if not bounded:
        return pipe
    if task == "text-generation":
        return lambda text, **kw: pipe(text, max_new_tokens=kw.pop("max_new_tokens", 50), **kw)
    if task == "token-classification":
        return lambda text: pipe(text, aggregation_strategy="simple")
    return pipe


def pipeline_task(pipe: Any) -> str:
    """The task of a transformers pipeline object: its ``task``, else its class (``FillMaskPipeline``)."""
    transformers = _need_transformers()
    if not isinstance(pipe, transformers.Pipeline):
        raise TypeError(f"Interface.from_pipeline takes a transformers pipeline, such as "
                        f"transformers.pipeline('text-classification', model=...); got {type(pipe).__name__}.")  # fmt: skip
    task = getattr(pipe, "task", "") or ""
    if not task:
        words = re.findall(r"[A-Z][a-z0-9]*", type(pipe).__name__.removesuffix("Pipeline"))
        task = "-".join(words).lower().replace("text2-text", "text2text")
    return task


def _resample(samples: np.ndarray, rate: int, target: int) -> np.ndarray:
    if rate == target:
        return samples
    try:
        from scipy.signal import resample_poly
    except ImportError:  # scipy is in the hf extra; a linear fallback keeps speech intelligible
        positions = np.arange(int(len(samples) * target / rate)) * rate / target
        return np.interp(positions, np.arange(len(samples)), samples).astype(np.float32)
    divisor = np.gcd(rate, target)
    return resample_poly(samples, target // divisor, rate // divisor).astype(np.float32)


class _AudioRunner:
    """Feeds ``(rate, float samples)`` to an audio pipeline at the model's rate.

    Resampling here spares the pipeline's torchaudio dependency.
    """

    def __init__(self, pipe: Any) -> None:
        self.pipe = pipe

    def __call__(self, audio: tuple[int, np.ndarray]) -> Any:
        rate, samples = audio
        target = self.pipe.feature_extractor.sampling_rate
        return self.pipe({"raw": _resample(samples, rate, target), "sampling_rate": target})


class _Seq2Seq:
    """translation / summarization / text2text with ``generate``, in pipeline shapes."""

    def __init__(self, transformers: Any, name: str, task: str, token: str | None) -> None:
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(name, token=token)
        self.model = transformers.AutoModelForSeq2SeqLM.from_pretrained(name, token=token)
        self.key = {"translation": "translation_text", "summarization": "summary_text"}.get(task, "generated_text")

    def __call__(self, text: str, max_new_tokens: int = 64) -> list[dict[str, str]]:
        import torch

        encoded = self.tokenizer(text, return_tensors="pt", truncation=True)
        encoded.pop("token_type_ids", None)
        with torch.no_grad():
            generated = self.model.generate(**encoded, max_new_tokens=max_new_tokens)
        return [{self.key: self.tokenizer.decode(generated[0], skip_special_tokens=True)}]


class _ExtractiveQA:
    """question-answering: the most likely answer span, with its probability."""

    def __init__(self, transformers: Any, name: str, token: str | None) -> None:
        self.tokenizer = transformers.AutoTokenizer.from_pretrained(name, token=token)
        self.model = transformers.AutoModelForQuestionAnswering.from_pretrained(name, token=token)

    def __call__(self, question: str, context: str) -> dict[str, Any]:
        import torch

        encoded = self.tokenizer(question, context, return_tensors="pt", truncation=True)
        with torch.no_grad():
            out = self.model(**encoded)
        start_p, end_p = out.start_logits[0].softmax(-1), out.end_logits[0].softmax(-1)
        scores = torch.triu(start_p[:, None] * end_p[None, :])
        flat = int(torch.argmax(scores))
        start, end = divmod(flat, scores.shape[1])
        answer = self.tokenizer.decode(encoded["input_ids"][0][start : end + 1], skip_special_tokens=True)
        return {"answer": answer.strip(), "score": float(scores[start, end])}
