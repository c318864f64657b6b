"""What ``stface.load`` and ``Interface.from_pipeline`` build an Interface from: models, pipelines, Spaces, apps.

``interface_parts`` returns the Interface's arguments (fn, inputs, outputs,
title); ``stface.load`` (in ``stface.interface``) builds the Interface, so
this package never imports the Interface class.
"""

from __future__ import annotations

import importlib.util
from typing import Any

__all__ = ["interface_parts", "pipeline_parts"]

_MODEL_PREFIXES = ("huggingface/", "models/")


def _parse(name: str, src: str | None) -> tuple[str, str]:
    """-> ("model" | "space" | "app", target)."""
    if "://" in name:
        return ("model" if src == "api" else "app"), name
    for prefix in _MODEL_PREFIXES:
        if name.startswith(prefix):
            return "model", name[len(prefix) :]
    if name.startswith("spaces/"):
        return "space", name[len("spaces/") :]
    if src in ("huggingface", "models", "api"):
        return "model", name
    if src == "spaces":
        return "space", name
    raise ValueError(
        f"Cannot tell what {name!r} is. Use 'huggingface/ORG/NAME' or 'models/ORG/NAME' for a model, "
        "'spaces/ORG/NAME' for a Space, a URL for a running Gradio app, or pass src='models' / 'spaces'."
    )


def interface_parts(
    name: str,
    *,
    src: str | None = None,
    token: str | None = None,
    task: str | None = None,
    api_name: str | None = None,
    **interface_kwargs: Any,
) -> dict[str, Any]:
    """What ``stface.load`` builds an Interface from (its fn, inputs, outputs and title), for any of its sources.

    A model served elsewhere than Hugging Face's Inference API (a dedicated
    Inference Endpoint, a TGI server) is given by URL: as the name, with
    ``src="api"`` and ``task=``, or as ``endpoint_url=`` beside the model's
    name, whose task is then looked up as usual. Calls have a timeout and
    bounded retries (see :mod:`stface.hub.remote`).

    Example::

        parts = interface_parts("huggingface/gpt2", title="GPT-2")
        parts = interface_parts("models/gpt2", endpoint_url="http://tgi.internal:8080")
        sorted(parts)  # ['fn', 'inputs', 'outputs', 'title']
    """
    token = token or interface_kwargs.pop("api_key", None) or interface_kwargs.pop("hf_token", None)
    interface_kwargs.pop("alias", None)
    endpoint = interface_kwargs.pop("endpoint_url", None)
    kind, target = _parse(name, "api" if endpoint and src is None else src)
    if endpoint and kind != "model":
        raise ValueError(f"endpoint_url= serves a model; {name!r} is a Space or an app. Load it by its URL instead.")
    if kind in ("space", "app"):
        from stface.hub.spaces import space_interface_parts

        parts = space_interface_parts(target, token, api_name)
    else:
        remote = src == "api" or endpoint is not None or importlib.util.find_spec("transformers") is None
        parts = _model_parts(target, task, token, remote=remote, endpoint=endpoint)
    parts.update(interface_kwargs)
    return parts


def _model_parts(name: str, task: str | None, token: str | None, *, remote: bool, endpoint: str | None) -> dict[str, Any]:
    from stface.hub.models import detect_task, local_runner
    from stface.hub.remote import remote_runner
    from stface.hub.tasks import task_for

    if task is None:
        if remote and "://" in name:
            raise ValueError(f"Pass task=... to load the endpoint {name}: its task cannot be looked up.")
        task = detect_task(name, token)
    table = task_for(task)
    runner = remote_runner(name, task, token, endpoint=endpoint) if remote else local_runner(name, task, token)
    return _parts(table, runner, name.rsplit("/", 1)[-1], title=name)


def pipeline_parts(pipeline: Any, **interface_kwargs: Any) -> dict[str, Any]:
    """The arguments of an Interface around a transformers pipeline object (Gradio's ``from_pipeline``).

    The components come from the pipeline's task, as for ``stface.load``;
    the title is the model's class name, as in Gradio. Keyword arguments
    customise the interface.

    Example::

        pipe = transformers.pipeline("text-classification", model="distilbert-base-uncased-finetuned-sst-2-english")
        parts = pipeline_parts(pipe, title="Sentiment")
        parts["fn"]("I love it")  # {'POSITIVE': 0.99..., 'NEGATIVE': 0.0...}
    """
    from stface.hub.models import pipeline_runner, pipeline_task
    from stface.hub.tasks import TASKS, task_for

    task = pipeline_task(pipeline)
    try:
        table = task_for(task)
    except ValueError:
        raise ValueError(f"Interface.from_pipeline cannot build an interface for a {task!r} pipeline; it can for "
                         f"{', '.join(sorted(TASKS))}.") from None  # fmt: skip
    model = type(getattr(pipeline, "model", None)).__name__
    parts = _parts(table, pipeline_runner(pipeline, task, bounded=False), model, title=model)
    parts.update(interface_kwargs)
    return parts


def _parts(table: Any, runner: Any, name: str, *, title: str) -> dict[str, Any]:
    def predict(*args: Any) -> Any:
        return table.call(runner, *args)

    predict.__name__ = name.replace("-", "_")
    return {"fn": predict, "inputs": table.inputs(), "outputs": table.outputs(), "title": title}
