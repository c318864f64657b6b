"""Print the public names of the installed Gradio (and of gradio.components) as JSON (the data behind tests/unit/test_gradio_names.py).

    bench/.gradio350/bin/python scripts/record_gradio_names.py   # Gradio 3.50.2: dir(gradio), no __all__
    .venv/bin/python scripts/record_gradio_names.py               # Gradio 6: gradio.__all__

Paste the output into tests/fixtures/gradio_public_names.json under the version it prints.
"""

import json
import warnings

warnings.simplefilter("ignore")

import gradio  # noqa: E402
import gradio.components  # noqa: E402

names = getattr(gradio, "__all__", None) or [name for name in dir(gradio) if not name.startswith("_")]
components = [name for name in gradio.components.__all__ if not name.startswith("_")]
print(
    json.dumps(
        {"version": gradio.__version__, "names": sorted(set(names)), "components": sorted(set(components))}, indent=1
    )
)
