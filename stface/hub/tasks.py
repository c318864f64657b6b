"""The task table: which components a Hugging Face task gets, and how to call it.

Each task maps to input and output components and a function that turns a
runner's raw answer into what those outputs show. The runner is a local
transformers pipeline or a remote InferenceClient call (see ``models`` and
``remote``); both answer in the same shapes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from stface import components as c

__all__ = ["TASKS", "Task", "canonical_task", "task_for"]


@dataclass(frozen=True)
class Task:
    inputs: Callable[[], list]
    outputs: Callable[[], list]
    #: (runner, *fn args) -> fn result
    call: Callable[..., Any]


def _text_in() -> list:
    return [c.Textbox(label="Input", lines=3)]


def _label_dict(rows: Any) -> dict[str, float]:
    rows = rows[0] if rows and isinstance(rows[0], list) else rows
    return {str(row["label"]): float(row["score"]) for row in rows}


def _mono_float(audio: tuple[int, np.ndarray]) -> tuple[int, np.ndarray]:
    rate, samples = audio
    samples = np.asarray(samples)
    if samples.ndim == 2:
        samples = samples.mean(axis=1)
    if np.issubdtype(samples.dtype, np.integer):
        samples = samples / float(np.iinfo(samples.dtype).max)
    return rate, samples.astype(np.float32)


def _boxes(runner: Any, image: Any) -> Any:
    from PIL import ImageDraw

    drawn = image.convert("RGB")
    draw = ImageDraw.Draw(drawn)
    for found in runner(image):
        box = found["box"]
        draw.rectangle([box["xmin"], box["ymin"], box["xmax"], box["ymax"]], outline=(255, 0, 0), width=2)
        draw.text((box["xmin"] + 2, box["ymin"] + 2), f"{found['label']} {found['score']:.2f}", fill=(255, 0, 0))
    return drawn


def _entities(runner: Any, text: str) -> dict:
    found = runner(text)
    entities = [{"entity": e.get("entity_group") or e.get("entity"), "start": e["start"], "end": e["end"]} for e in found]
    return {"text": text, "entities": entities}


def _zero_shot(runner: Any, text: str, labels: str, multi: bool) -> dict[str, float]:
    names = [name.strip() for name in labels.split(",") if name.strip()]
    result = runner(text, candidate_labels=names, multi_label=multi)
    return dict(zip(result["labels"], map(float, result["scores"])))


TASKS: dict[str, Task] = {
    "text-generation": Task(_text_in, lambda: [c.Textbox(label="Output")], lambda r, x: r(x)[0]["generated_text"]),
    "text2text-generation": Task(_text_in, lambda: [c.Textbox(label="Output")], lambda r, x: r(x)[0]["generated_text"]),
    "translation": Task(_text_in, lambda: [c.Textbox(label="Translation")], lambda r, x: r(x)[0]["translation_text"]),
    "summarization": Task(_text_in, lambda: [c.Textbox(label="Summary")], lambda r, x: r(x)[0]["summary_text"]),
    "fill-mask": Task(_text_in, lambda: [c.Label(label="Classification")], lambda r, x: {row["token_str"]: float(row["score"]) for row in r(x)}),
    "text-classification": Task(_text_in, lambda: [c.Label(label="Classification")], lambda r, x: _label_dict(r(x, top_k=None))),
    "token-classification": Task(_text_in, lambda: [c.HighlightedText(label="Entities")], _entities),
    "question-answering": Task(
        lambda: [c.Textbox(label="Context", lines=7), c.Textbox(label="Question")],
        lambda: [c.Textbox(label="Answer"), c.Label(label="Score")],
        lambda r, context, question: (lambda a: (a["answer"], {"score": float(a["score"])}))(r(question=question, context=context)),
    ),
    "zero-shot-classification": Task(
        lambda: [c.Textbox(label="Input", lines=3), c.Textbox(label="Possible class names (comma-separated)"),
                 c.Checkbox(label="Allow multiple true classes")],  # fmt: skip
        lambda: [c.Label(label="Classification")],
        _zero_shot,
    ),
    "feature-extraction": Task(_text_in, lambda: [c.Dataframe(label="Output")], lambda r, x: np.asarray(r(x))[0]),
    "automatic-speech-recognition": Task(
        lambda: [c.Audio(label="Input")], lambda: [c.Textbox(label="Output")], lambda r, audio: r(_mono_float(audio))["text"]
    ),
    "audio-classification": Task(
        lambda: [c.Audio(label="Input")], lambda: [c.Label(label="Class")], lambda r, audio: _label_dict(r(_mono_float(audio)))
    ),
    "image-classification": Task(
        lambda: [c.Image(type="pil", label="Input Image")], lambda: [c.Label(label="Classification")], lambda r, im: _label_dict(r(im))
    ),
    "object-detection": Task(lambda: [c.Image(type="pil", label="Input Image")], lambda: [c.Image(label="Detections")], _boxes),
}

_ALIASES = {"sentiment-analysis": "text-classification", "ner": "token-classification"}


def canonical_task(name: str) -> str:
    """A task's name in the table: aliases resolved, ``translation_en_to_de`` -> ``translation``."""
    return "translation" if name.startswith("translation_") else _ALIASES.get(name, name)


def task_for(name: str) -> Task:
    """The table entry for a task, or an error listing the supported tasks."""
    task = TASKS.get(canonical_task(name))
    if task is None:
        raise ValueError(f"Unsupported task {name!r}. stface can load: {', '.join(sorted(TASKS))}.")
    return task
