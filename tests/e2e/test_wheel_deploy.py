"""A deployable export, for real: build stface's wheel, install only the export's requirements.txt into a fresh
virtual environment (stface from that wheel), `streamlit run streamlit_app.py` there, and use the page in Chromium.

This is what Streamlit Community Cloud (or any server) does with an exported folder; nothing comes from the repo.
The namespace the suite runs in reaches no package index, so pip installs with --no-index from the built wheel and
the wheelhouse `make test` downloads beforehand.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile

from e2e_support import ROOT, open_app, submit
from playwright.sync_api import expect

#: Downloaded by `make test` (outside the network namespace, where the index is reachable): stface's dependencies.
WHEELHOUSE = ROOT / ".cache" / "wheelhouse"

APP = '''
import numpy as np

import stface as gr
from words import shout


def describe(text, count):
    return shout(text) + " " + "!" * int(np.clip(count, 0, 5))


demo = gr.Interface(describe, [gr.Textbox(label="text"), gr.Number(label="count", value=2)], gr.Textbox(label="out"),
                    examples=[["hi", 3]], css="h1 {color: rgb(200, 0, 0)}", title="Deployed")
'''


def test_the_built_wheel_and_the_exported_requirements_are_enough(tmp_path, start_server, new_page):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    (wheel,) = dist.glob("stface-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("stface/runtime/widgets/static/model3d.js", "stface/runtime/widgets/_drawing.js"):
        assert needed in names, needed  # the bundled front-end assets ship in the wheel
    assert not any(name.startswith(("tests/", "bench/", "js/")) for name in names)

    source = tmp_path / "src"
    source.mkdir()
    (source / "app.py").write_text(textwrap.dedent(APP))
    (source / "words.py").write_text("def shout(text):\n    return text.upper()\n")
    deploy = tmp_path / "deploy"
    subprocess.run([sys.executable, "-m", "stface", "export", str(source / "app.py"), "--out-dir", str(deploy)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    requirements = (deploy / "requirements.txt").read_text()
    assert requirements.startswith("stface==") and "\nnumpy==" in requirements

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    assert (WHEELHOUSE / ".done").exists(), "run `make test`: it downloads the wheelhouse this test installs from"
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-index", "--find-links", str(dist),
                              "--find-links", str(WHEELHOUSE), "-r", str(deploy / "requirements.txt")],
                             capture_output=True, text=True, timeout=900)  # fmt: skip
    assert install.returncode == 0, install.stderr[-3000:]
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import stface; print(stface.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path)  # fmt: skip
    assert where.stdout.startswith(str(venv))  # the wheel's copy, not the repo's

    server = start_server([str(venv / "bin" / "streamlit"), "run", "streamlit_app.py", "--server.port", "{port}",
                           "--server.address", "127.0.0.1"], cwd=deploy)  # fmt: skip
    page = new_page()
    open_app(page, server.url)
    expect(page.get_by_role("heading", name="Deployed")).to_be_visible()
    page.get_by_label("text").fill("ship it")
    submit(page)
    expect(page.get_by_label("out")).to_have_value("SHIP IT !!")
