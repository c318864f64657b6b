import textwrap

import pytest

from stface.runtime.loader import load_app


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body))
    return path


HEADER = "import stface as gr\n"


def test_explicit_name_wins(tmp_path):
    app = write(tmp_path, "a.py", HEADER + "demo = gr.Interface(str, 'text', 'text')\nother = gr.Interface(len, 'text', 'number')\n")
    assert load_app(app, "other").interface.fn is len
    with pytest.raises(LookupError, match="No interface named 'missing'.*Interfaces found: demo, other"):
        load_app(app, "missing")


def test_launched_interface_is_found_without_a_name_and_launch_does_not_serve(tmp_path):
    app = write(tmp_path, "b.py", HEADER + "x = 1\ngr.Interface(len, 'text', 'number').launch(show_error=True)\n")
    loaded = load_app(app)
    assert loaded.interface.fn is len
    assert loaded.interface.launch_options.show_error is True


def test_conventional_names_then_the_only_instance(tmp_path):
    app = write(tmp_path, "c.py", HEADER + "helper = gr.Interface(len, 'text', 'number')\niface = gr.Interface(str, 'text', 'text')\n")
    assert load_app(app).interface.fn is str
    only = write(tmp_path, "d.py", HEADER + "my_tool = gr.Interface(len, 'text', 'number')\n")
    assert load_app(only).interface.fn is len


def test_no_interface_or_several_is_a_clear_error(tmp_path):
    with pytest.raises(LookupError, match="Assign it to a module-level variable named 'demo'"):
        load_app(write(tmp_path, "e.py", "x = 1\n"))
    with pytest.raises(LookupError, match="choose one with --name"):
        load_app(write(tmp_path, "f.py", HEADER + "a = gr.Interface(len, 'text', 'number')\nb = gr.Interface(str, 'text', 'text')\n"))
    with pytest.raises(FileNotFoundError, match="App file not found"):
        load_app(tmp_path / "nope.py")


def test_loaded_once_until_the_file_changes(tmp_path):
    counter = tmp_path / "count.txt"
    body = HEADER + f"open({str(counter)!r}, 'a').write('x')\ndemo = gr.Interface(str, 'text', 'text')\n"
    app = write(tmp_path, "g.py", body)
    first = load_app(app)
    assert load_app(app).module is first.module
    assert load_app(app, "demo").interface is first.interface  # by name: the same import
    assert counter.read_text() == "x"
    app.write_text(body + "# edited\n")
    import os

    os.utime(app, ns=(first.mtime_ns + 10**9, first.mtime_ns + 10**9))
    assert load_app(app).interface is not first.interface  # executed again: a new Interface
    assert counter.read_text() == "xx"


NO_RELOAD_APP = HEADER + """
if gr.NO_RELOAD:
    loads = []  # stands for a model load
loads.append(1)
seen = bool(gr.NO_RELOAD)
demo = gr.Interface(lambda x: f"{x} {len(loads)}", 'text', 'text')
"""


def test_code_under_no_reload_runs_once_and_its_names_survive_an_edit(tmp_path):
    import os

    import stface as gr

    app = write(tmp_path, "no_reload_app.py", NO_RELOAD_APP)
    first = load_app(app)
    assert first.module.seen is True and first.interface("a") == "a 1"
    app.write_text(NO_RELOAD_APP.replace("seen =", "edited = True\nseen ="))
    os.utime(app, ns=(first.mtime_ns + 10**9, first.mtime_ns + 10**9))
    second = load_app(app)
    assert second.module.edited is True and second.module.seen is False  # NO_RELOAD was false while reloading
    assert second.interface("b") == "b 2"  # `loads` kept its value: the model is not loaded again
    assert bool(gr.NO_RELOAD) is True  # and true again afterwards


def test_sibling_modules_can_be_imported(tmp_path):
    write(tmp_path, "helpers_for_h.py", "def shout(s):\n    return s.upper()\n")
    app = write(tmp_path, "h.py", HEADER + "from helpers_for_h import shout\ndemo = gr.Interface(shout, 'text', 'text')\n")
    assert load_app(app).interface("hi") == "HI"


def test_a_mix_is_found_beside_the_parts_it_is_made_of(tmp_path):
    app = write(tmp_path, "mix.py", HEADER + (
        "upper = gr.Interface(str.upper, 'text', 'text')\n"
        "lower = gr.Interface(str.lower, 'text', 'text')\n"
        "both = gr.Parallel(upper, lower)\n"
    ))
    loaded = load_app(app).interface
    assert loaded.interfaces[0].fn is str.upper and loaded("Ab") == ["AB", "ab"]
    assert loaded.app_dir == str(tmp_path)
