"""The house's rules, checked on stface's import graph.

grimp reads every import statement, including those inside functions and
under ``if TYPE_CHECKING``, so a lazy import cannot hide a broken rule.

* Conversions (everything outside ``stface.runtime`` but the front door)
  never import Streamlit, so ``demo(...)``, interpretation and the HTTP API
  run without a page.
* Drawing lives in ``stface.runtime``; components never reach into it.
* Interpretation works on what it needs, never on the Interface class.
* No import circle among stface's modules at run time.
"""

from __future__ import annotations

import subprocess
import sys

import grimp
import pytest

GRAPH = grimp.build_graph("stface", include_external_packages=True, cache_dir=None)
#: The front door: these draw and serve by calling into stface.runtime, only inside functions.
FRONT_DOOR = {"stface", "stface.app", "stface.interface", "stface.chat", "stface.mix", "stface.tabbed", "stface.external", "stface.cli", "stface.__main__"}
CONVERSIONS = sorted(
    m for m in GRAPH.modules if m.startswith("stface.") and not m.startswith("stface.runtime") and m not in FRONT_DOOR
)


def test_the_conversion_layer_is_most_of_stface():
    assert {"stface.components.textbox", "stface.components.audio", "stface.interpret.maskers", "stface.pipeline"} <= set(CONVERSIONS)
    assert len(CONVERSIONS) > 30


@pytest.mark.parametrize("module", CONVERSIONS)
def test_conversions_never_import_streamlit_or_drawing(module):
    for forbidden in ("streamlit", "streamlit_webrtc", "stface.runtime"):
        chain = GRAPH.find_shortest_chain(importer=module, imported=forbidden)
        assert chain is None, f"{module} reaches {forbidden}: {' -> '.join(chain)}"


def test_every_component_has_a_widget_module_of_the_same_name():
    components = {m.rsplit(".", 1)[1] for m in GRAPH.find_children("stface.components")}
    widgets = {m.rsplit(".", 1)[1] for m in GRAPH.find_children("stface.runtime.widgets")}
    drawn = components - {"base", "registry", "_codecs", "_html", "_media", "_vega", "_editor_tools"}
    assert drawn <= widgets, f"components without a widget module: {sorted(drawn - widgets)}"


def test_interpretation_never_names_the_interface_or_the_page():
    for module in GRAPH.find_descendants("stface.interpret") | {"stface.interpret"}:
        for other in ("stface.interface", "stface.runtime", "stface.mix"):
            chain = GRAPH.find_shortest_chain(importer=module, imported=other)
            assert chain is None, f"{module} reaches {other}: {' -> '.join(chain)}"


def test_no_import_circle_at_run_time():
    graph = grimp.build_graph("stface", exclude_type_checking_imports=True, cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(module):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.append(f"{module} -> {' -> '.join(back)}")
    assert not cycles, "import circles:\n" + "\n".join(cycles)


def test_calling_an_interface_as_a_function_never_loads_streamlit():
    code = (
        "import sys, stface as gr\n"
        "demo = gr.Interface(lambda s: s.upper(), 'text', 'text')\n"
        "assert demo('x') == 'X'\n"
        "gr.Interface(lambda n, s: n, ['number', 'text'], 'label', interpretation='default').interpret(1, 'a b')\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'streamlit_webrtc'))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
