"""Models run remotely through ``huggingface_hub.InferenceClient``.

Used with ``src="api"``, or when transformers is not installed. The server is
Hugging Face's Inference API, or any server that speaks its protocol, given
by URL: a dedicated Inference Endpoint, or a TGI server.

Every call is bounded: each request has a timeout, and a server that is
starting (503, as an Inference Endpoint scaled to zero answers), overloaded
(429, 502, 504) or unreachable is tried at most ``RETRIES`` more times, after
``BACKOFF_S`` seconds each. Then, or at once for any other refusal, the
person sees a :class:`stface.Error` that names the server and says why. The
token is only ever sent to Hugging Face's own hosts.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlparse

import numpy as np

from stface.components._codecs import AudioClip, encode_png, encode_wav
from stface.errors import Error

__all__ = ["remote_runner", "token_for"]

_HF_HOSTS = ("huggingface.co", "hf.co", "hf.space", "huggingface.cloud")
TIMEOUT_S = 60.0
#: Further attempts after a transient failure, and the wait before each.
RETRIES = 2
BACKOFF_S = (1.0, 3.0)
_TRANSIENT_STATUS = frozenset({429, 502, 503, 504})
# The HTTP clients' (httpx, httpx2, requests) base classes for "no answer came back".
_NETWORK_ERRORS = frozenset({"TransportError", "NetworkError", "ConnectionError"})


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


def remote_runner(
    model: str, task: str, token: str | None = None, timeout: float | None = None, endpoint: str | None = None
) -> Any:
    """A callable answering in transformers pipeline shapes, backed by the Inference API.

    ``model`` is a hub name or a server's URL; ``endpoint`` (a URL) sends a
    named model's requests to that server instead of Hugging Face's.

    Example::

        run = remote_runner("http://tgi:8080", "text-generation")
        run("Once upon a time")  # [{"generated_text": "Once upon a time, ..."}]
    """
    try:
        from huggingface_hub import InferenceClient
    except ImportError:
        raise ImportError("Remote models need huggingface_hub: pip install 'stface[hf]'") from None
    target, timeout = endpoint or model, timeout or TIMEOUT_S
    client = InferenceClient(model=target, token=token_for(target, token), timeout=timeout)
    runners = {
        "text-generation": lambda text, **kw: [
            {"generated_text": text + client.text_generation(text, max_new_tokens=50, return_full_text=False)}
        ],
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
    return _Bounded(runners[task], _server_name(model, endpoint), timeout)


def _server_name(model: str, endpoint: str | None) -> str:
    if endpoint:
        return f"The inference server at {endpoint} (model {model})"
    if "://" in model:
        return f"The inference server at {model}"
    return f"Hugging Face's Inference API (model {model})"


class _Bounded:
    """Calls a runner with bounded retries; failures become an Error naming the server."""

    def __init__(self, runner: Any, server: str, timeout: float) -> None:
        self.runner, self.server, self.timeout = runner, server, timeout

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        attempt = 0
        while True:
            try:
                return self.runner(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - sorted into transient or not below
                status, why = self._describe(exc)
                if attempt == RETRIES or not (status in _TRANSIENT_STATUS or status == "unreachable"):
                    tries = f" (tried {attempt + 1} times)" if attempt else ""
                    raise Error(f"{self.server} {why}{tries}.", title="Inference server error") from exc
            time.sleep(BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)])
            attempt += 1

    def _describe(self, exc: Exception) -> tuple[int | str | None, str]:
        """(HTTP status, "unreachable" or None; what went wrong, in words)."""
        if isinstance(exc, TimeoutError):  # huggingface_hub's InferenceTimeoutError is one
            return None, f"did not answer within {self.timeout:g} s"
        response = getattr(exc, "response", None)
        status = getattr(response, "status_code", None)
        if isinstance(status, int):
            return status, f"answered {status}: {_server_message(response) or type(exc).__name__}"
        if isinstance(exc, OSError) or _NETWORK_ERRORS & {cls.__name__ for cls in type(exc).__mro__}:
            return "unreachable", f"could not be reached ({exc or type(exc).__name__})"
        return None, f"sent an answer stface could not read ({type(exc).__name__}: {exc})"


def _server_message(response: Any) -> str:
    """The server's own words: the ``error`` field of a JSON body, else the body's start."""
    try:
        body = response.json()
    except Exception:  # noqa: BLE001 - not JSON (or already consumed): fall back to text
        try:
            return str(response.text).strip()[:300]
        except Exception:  # noqa: BLE001 - a streamed body that was never read
            return ""
    error = body.get("error") if isinstance(body, dict) else None
    if isinstance(error, list):
        error = "; ".join(map(str, error))
    return str(error if error else body)[:300]


def _zero_shot(client: Any, text: str, labels: list[str], multi: bool) -> dict[str, Any]:
    rows = _rows(client.zero_shot_classification(text, candidate_labels=labels, multi_label=multi))
    return {"labels": [r["label"] for r in rows], "scores": [r["score"] for r in rows]}
