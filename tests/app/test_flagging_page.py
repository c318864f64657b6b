import csv
import textwrap

from app_support import button, run_script


def page(tmp_path, **options):
    args = ", ".join(f"{k}={v!r}" for k, v in options.items())
    return run_script(textwrap.dedent(f"""
    import stface as gr
    gr.Interface(lambda s: s.upper(), "text", "text", flagging_dir={str(tmp_path)!r}, {args}).launch()
    """))


def rows(tmp_path):
    with open(tmp_path / "log.csv", newline="") as handle:
        return list(csv.reader(handle))


def test_manual_flag_button_writes_inputs_outputs_and_option(tmp_path):
    at = page(tmp_path, flagging_options=["wrong", "rude"])
    assert not [b for b in at.button if b.label.startswith("Flag")]  # nothing to flag before a result
    at.text_input[0].input("hi")
    button(at, "Submit").click().run()
    button(at, "Flag as rude").click().run()
    assert rows(tmp_path)[1][:3] == ["hi", "HI", "rude"]
    assert "Flagged" in at.caption[-1].value


def test_auto_flags_every_submit_inputs_only(tmp_path):
    at = page(tmp_path, allow_flagging="auto")
    for word in ("a", "b"):
        at.text_input[0].input(word)
        button(at, "Submit").click().run()
    assert not [b for b in at.button if b.label.startswith("Flag")]
    assert [r[0] for r in rows(tmp_path)] == ["s", "a", "b"]
    assert rows(tmp_path)[0] == ["s", "flag", "username", "timestamp"]


def test_never_and_flagging_mode(tmp_path):
    at = page(tmp_path, flagging_mode="never")
    button(at, "Submit").click().run()
    assert not [b for b in at.button if b.label.startswith("Flag")]
    assert not (tmp_path / "log.csv").exists()
