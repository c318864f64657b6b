"""An inference server that speaks the Inference Endpoints protocol, on a real transformers pipeline.

Hugging Face's dedicated Inference Endpoints run ``huggingface-inference-toolkit``
(a Starlette app) and TGI; neither can be installed on a machine without
internet, so this module serves the same protocol from the same parts:
Starlette under uvicorn, in its own process, around ``transformers.pipeline``
on a tiny model built offline (``examples/tiny_models.py``).

What it keeps of the toolkit's web service:

* ``GET /`` and ``GET /health`` answer ``Ok``;
* ``POST /`` (and ``/predict``) takes ``{"inputs": ..., "parameters": {...}}``
  as JSON, or an image's bytes, and answers the pipeline's output as JSON;
* a pipeline that raises answers 400 with ``{"error": "<its message>"}``;
* the Inference API's shapes (the toolkit's ``api_inference_compat`` mode):
  a text to classify is sent as a batch of one with ``top_k=5``, so the whole
  ranking comes back as ``[[{label, score}, ...]]``.

And of the Endpoints' gateway: an endpoint scaled to zero answers 503 with
``{"error": "... is currently loading", "estimated_time": ...}`` until it is up.
``POST /_test/loading?requests=N`` makes the next N predictions answer that;
``GET /_test/seen`` returns how many predictions arrived and the last
request's ``Authorization`` header.
"""

from __future__ import annotations

import io
import json
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

if __name__ == "__main__":  # this file is also the server's process, which conftest.py did not set up
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from e2e_support import Server  # noqa: E402


def make_app(model: str, task: str):
    """The Starlette app serving ``task`` with ``model`` (built at startup, like an endpoint)."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse, PlainTextResponse
    from starlette.routing import Route
    from transformers import pipeline

    pipe = pipeline(task, model=model)
    state = {"loading": 0, "seen": 0, "authorization": None}

    async def health(request: Request) -> PlainTextResponse:
        return PlainTextResponse("Ok")

    async def predict(request: Request) -> JSONResponse:
        state["seen"] += 1
        state["authorization"] = request.headers.get("authorization")
        if state["loading"] > 0:
            state["loading"] -= 1
            return JSONResponse({"error": f"Model {model} is currently loading", "estimated_time": 1.0}, 503)
        try:
            body = await request.body()
            if request.headers.get("content-type", "").startswith("image/"):
                from PIL import Image

                payload = {"inputs": Image.open(io.BytesIO(body))}
            else:
                payload = json.loads(body)
            if "inputs" not in payload:
                raise ValueError(f"Body needs to provide a inputs key, received: {payload}")
            inputs, parameters = payload["inputs"], dict(payload.get("parameters") or {})
            if task == "text-classification" and isinstance(inputs, str):
                inputs = [inputs]
                parameters.setdefault("top_k", 5)
            output = pipe(inputs, **parameters)
            return JSONResponse(json.loads(json.dumps(output, default=float)))
        except Exception as exc:  # noqa: BLE001 - the toolkit's answer to any failure
            return JSONResponse({"error": str(exc)}, 400)

    async def loading(request: Request) -> PlainTextResponse:
        state["loading"] = int(request.query_params["requests"])
        return PlainTextResponse("Ok")

    async def seen(request: Request) -> JSONResponse:
        return JSONResponse({"seen": state["seen"], "authorization": state["authorization"]})

    return Starlette(
        routes=[
            Route("/", health, methods=["GET"]),
            Route("/health", health, methods=["GET"]),
            Route("/", predict, methods=["POST"]),
            Route("/predict", predict, methods=["POST"]),
            Route("/_test/loading", loading, methods=["POST"]),
            Route("/_test/seen", seen, methods=["GET"]),
        ]
    )


class InferenceEndpoint(Server):
    """The server in its own process on 127.0.0.1: ``url``, plus the test controls."""

    def __init__(self, model: str, task: str, port: int) -> None:
        self.model, self.task = model, task
        env = {"HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}
        super().__init__([sys.executable, __file__, model, task, str(port)], port=port, env=env, health="/health", timeout=120)

    def loading_for(self, requests: int) -> None:
        """Answer the next ``requests`` predictions with 503, as a scaled-to-zero endpoint does."""
        urllib.request.urlopen(urllib.request.Request(f"{self.url}/_test/loading?requests={requests}", method="POST"))

    def seen(self) -> dict:
        with urllib.request.urlopen(f"{self.url}/_test/seen") as response:
            return json.load(response)


@pytest.fixture(scope="session")
def inference_endpoint(tiny_models) -> Iterator[InferenceEndpoint]:
    """An endpoint serving the tiny sentiment model (text-classification)."""
    from e2e_support import free_port

    server = InferenceEndpoint("stface-tiny/bert-sentiment", "text-classification", free_port())
    yield server
    server.stop()


@pytest.fixture(scope="session")
def generation_endpoint(tmp_path_factory) -> Iterator[InferenceEndpoint]:
    """An endpoint serving openai_server's bigram GPT-2 (text-generation, greedy: "the cat" -> "sat on mat")."""
    from e2e_support import free_port
    from openai_server import build_bigram_lm

    model = build_bigram_lm(tmp_path_factory.mktemp("bigram-endpoint"))
    server = InferenceEndpoint(str(model), "text-generation", free_port())
    yield server
    server.stop()


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(make_app(sys.argv[1], sys.argv[2]), host="127.0.0.1", port=int(sys.argv[3]), log_level="warning")
