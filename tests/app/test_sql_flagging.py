"""gr.SQLLogger on real databases: a SQLite file, and a throwaway PostgreSQL server started by the test."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from app_support import button, run_script

sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))
from media_samples import png_bytes  # noqa: E402

import stface as gr  # noqa: E402

APP = """
import stface as gr

def greet(name, count, photo):
    return f"hi {{name}}" * int(count), {{"wide" if photo.width > photo.height else "tall": 0.9}}

gr.Interface(greet, [gr.Textbox(label="Your name"), gr.Number(label="Count"), gr.Image(type="pil", label="Photo")],
             [gr.Textbox(label="Greeting"), gr.Label(label="Shape")], flagging_dir={folder!r},
             flagging_callback=gr.SQLLogger({args}), {options}).launch()
"""


def page(folder: Path, args: str = "", **options):
    text = ", ".join(f"{k}={v!r}" for k, v in options.items())
    return run_script(textwrap.dedent(APP.format(folder=str(folder), args=args, options=text)))


def submit(at, name: str, count: int, png: bytes):
    at.text_input[0].input(name)
    at.number_input[0].set_value(count)
    at.file_uploader[0].set_value(("photo.png", png, "image/png"))
    button(at, "Submit").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]


def test_sqlite_page_flags_rows_with_numbers_json_and_media_beside_the_database(tmp_path):
    folder = tmp_path / "flagged"
    at = page(folder, "verbose=False", flagging_options=["wrong", "fine"])
    wide, tall = png_bytes(40, 30), png_bytes(20, 50, (0, 0, 200))
    submit(at, "ada", 2, wide)
    button(at, "Flag as wrong").click().run()
    assert "Flagged" in at.caption[-1].value
    submit(at, "bob", 1, tall)
    button(at, "Flag as fine").click().run()

    database = sqlite3.connect(folder / "flags.db")
    columns = [row[1] for row in database.execute("PRAGMA table_info(flags)")]
    assert columns == ["id", "your_name", "count", "photo", "greeting", "shape", "flag", "username", "timestamp"]
    rows = database.execute("SELECT your_name, count, typeof(count), photo, greeting, shape, flag, username, "
                            "timestamp FROM flags ORDER BY id").fetchall()  # fmt: skip
    assert [r[:3] for r in rows] == [("ada", 2.0, "real"), ("bob", 1.0, "real")]
    assert [r[4] for r in rows] == ["hi adahi ada", "hi bob"]
    assert json.loads(rows[0][5]) == {"label": "wide", "confidences": [{"label": "wide", "confidence": 0.9}]}
    assert [r[6:8] for r in rows] == [("wrong", None), ("fine", None)]
    assert all(r[8].startswith("20") for r in rows)
    for (_, _, _, photo, *_), png in zip(rows, (wide, tall)):
        assert photo.startswith("photo/") and photo.endswith(".png") and not Path(photo).is_absolute()
        assert (folder / photo).read_bytes() == png  # beside the database, at the relative path stored
    assert rows[0][3] != rows[1][3]


def test_postgres_page_auto_flagging_with_a_media_folder(tmp_path, postgres):
    url = postgres.create_database()
    media = tmp_path / "media"
    at = page(tmp_path / "unused", f"url={url!r}, media_dir={str(media)!r}, table='reviews', verbose=False",
              allow_flagging="auto")  # fmt: skip
    submit(at, "ada", 3, png_bytes(40, 30))
    submit(at, "bob", 1, png_bytes(20, 50))
    assert not [b for b in at.button if b.label.startswith("Flag")]
    lines = postgres.psql("SELECT your_name, count, photo, flag, username IS NULL FROM reviews ORDER BY id",
                          url.rsplit("/", 1)[1]).splitlines()  # fmt: skip
    assert [line.split("|")[:2] for line in lines] == [["ada", "3"], ["bob", "1"]]
    assert [line.split("|")[3:] for line in lines] == [["", "t"], ["", "t"]]
    for line in lines:
        assert (media / line.split("|")[2]).read_bytes().startswith(b"\x89PNG")
    assert not (tmp_path / "unused").exists()  # a server database with media_dir needs no flagging_dir


WORKER = """
import sys, time
from pathlib import Path
import stface as gr
from stface.flagging.values import file_data

url, folder, worker, go = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
logger = gr.SQLLogger(url, verbose=False)
logger.setup([gr.Textbox(label="text"), gr.Number(label="n"), gr.Image(label="image")], folder)
picture = folder / f"source-{{worker}}.png"
(folder / f"ready-{{worker}}").touch()
while not go.exists():
    time.sleep(0.01)
counts = [logger.flag([f"w{{worker}}-{{i}}", i, file_data(picture)], "bad") for i in range({flags})]
print(counts)
"""


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_four_processes_flag_at_once_and_lose_nothing(tmp_path, postgres, backend):
    processes, flags = 4, 25
    url = postgres.create_database() if backend == "postgresql" else f"sqlite:///{tmp_path}/flags.db"
    folder, go = tmp_path / "flagged", tmp_path / "go"
    folder.mkdir()
    for worker in range(processes):
        (folder / f"source-{worker}.png").write_bytes(png_bytes(10 + worker, 10))
    script = WORKER.format(flags=flags)
    workers = [subprocess.Popen([sys.executable, "-c", script, url, str(folder), str(w), str(go)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for w in range(processes)]  # fmt: skip
    while not all((folder / f"ready-{w}").exists() for w in range(processes)):
        assert all(p.poll() is None for p in workers), [p.communicate()[1] for p in workers if p.poll() is not None]
        time.sleep(0.05)
    go.touch()  # all four start flagging together, and all create the table on their first flag
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        assert all(1 <= count <= processes * flags for count in json.loads(out.strip().splitlines()[-1]))

    logger = gr.SQLLogger(url, verbose=False)
    logger.setup([gr.Textbox(label="text"), gr.Number(label="n"), gr.Image(label="image")], folder)
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT text, n, image, flag FROM flags")).all()
    engine.dispose()
    assert len(rows) == processes * flags
    assert sorted(r[0] for r in rows) == sorted(f"w{w}-{i}" for w in range(processes) for i in range(flags))
    assert {r[3] for r in rows} == {"bad"}
    assert len({r[2] for r in rows}) == processes * flags  # every flag its own copy
    for text, n, image, _ in rows:
        worker, index = map(int, text[1:].split("-"))
        assert n == index
        assert (logger.media_root / image).read_bytes() == png_bytes(10 + worker, 10)
    assert logger.media_root == (folder if backend == "postgresql" else tmp_path)  # beside a SQLite file


def test_another_interface_in_the_same_database_gets_its_own_table(tmp_path):
    def logger(*components):
        made = gr.SQLLogger(verbose=False)
        made.setup(list(components), tmp_path)
        return made

    first = logger(gr.Textbox(label="text"))
    second = logger(gr.Textbox(label="text"), gr.Number(label="score"))
    assert (first.flag(["a"]), second.flag(["b", 1]), second.flag(["c", 2])) == (1, 1, 2)
    assert (first.table_name, second.table_name) == ("flags", "flags_2")
    again = logger(gr.Textbox(label="text"))
    assert again.flag(["d"], "x") == 2 and again.table_name == "flags"
    database = sqlite3.connect(tmp_path / "flags.db")
    assert database.execute("SELECT text, score FROM flags_2 ORDER BY id").fetchall() == [("b", 1.0), ("c", 2.0)]
    same_names = logger(gr.Textbox(label="text"), gr.Textbox(label="score"))  # text where flags_2 holds numbers
    assert same_names.flag(["e", "high"]) == 1 and same_names.table_name == "flags_3"


def test_labels_become_safe_unique_columns_and_values_keep_their_kinds(tmp_path):
    logger = gr.SQLLogger(verbose=False)
    components = [gr.Textbox(label="Flag"), gr.Textbox(label="flag"), gr.Number(label="2 Größe", precision=0),
                  gr.Checkbox(label="ok"), gr.CheckboxGroup(["a", "b"], label="picks")]  # fmt: skip
    logger.setup(components, tmp_path)
    assert logger.columns == ["flag_2", "flag_3", "c_2_größe", "ok", "picks"]
    logger.flag(["x", "y", 7, True, ["a", "b"]], "", "ada")
    row = (
        sqlite3.connect(tmp_path / "flags.db")
        .execute('SELECT flag_2, flag_3, "c_2_größe", typeof("c_2_größe"), ok, picks, flag, username FROM flags')
        .fetchone()
    )
    assert row == ("x", "y", 7, "integer", 1, '["a", "b"]', "", "ada")


def test_a_bad_value_stores_nothing_and_leaves_no_files(tmp_path):
    logger = gr.SQLLogger(verbose=False)
    logger.setup([gr.Image(label="image"), gr.Number(label="n")], tmp_path / "flagged")
    picture = tmp_path / "p.png"
    picture.write_bytes(png_bytes())
    from stface.flagging.values import file_data

    with pytest.raises(ValueError, match="Column 'n' holds numbers; got 'many'"):
        logger.flag([file_data(picture), "many"])
    assert not (tmp_path / "flagged" / "image").exists() or not list((tmp_path / "flagged" / "image").iterdir())
    assert logger.flag([file_data(picture), 2]) == 1


def test_clear_errors_for_a_bad_url_and_a_call_before_setup(tmp_path):
    with pytest.raises(RuntimeError, match="before setup"):
        gr.SQLLogger().flag(["a"])
    with pytest.raises(ValueError, match="could not read the database URL.*postgresql://user:password@host/db"):
        gr.SQLLogger("not a url").setup([gr.Textbox()], tmp_path)
    with pytest.raises(ValueError, match="must name a table"):
        gr.SQLLogger(table=" ")


@pytest.mark.parametrize(("blocked", "url", "expected"), [
    ("sqlalchemy", None, 'SQLLogger stores flags through SQLAlchemy: pip install "stface[sql]"'),
    ("psycopg", "postgresql://db.example/flags", 'pip install "stface[sql]"'),
])  # fmt: skip
def test_without_the_sql_extra_the_error_names_it(tmp_path, blocked, url, expected):
    code = textwrap.dedent(f"""
        import sys
        sys.modules[{blocked!r}] = None  # importing it raises ImportError, as when it is not installed
        import stface as gr
        try:
            gr.SQLLogger({url!r}).setup([gr.Textbox()], {str(tmp_path)!r})
        except ImportError as exc:
            print(exc)
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert expected in done.stdout, done.stderr
