import os
import tempfile
from pathlib import Path

import pytest

import stface as gr
from stface.paths import FilePolicy, safe_filename, save_bytes, stface_temp_dir


@pytest.fixture
def app(tmp_path):
    folder = tmp_path / "app"
    folder.mkdir()
    (folder / "result.png").write_bytes(b"ok")
    (folder / ".env").write_text("SECRET=1")
    (folder / ".git").mkdir()
    (folder / ".git" / "config").write_text("[core]")
    evil = tmp_path / "app_evil"
    evil.mkdir()
    (evil / "x.png").write_bytes(b"evil")
    return folder


def policy_for(app, **kw):
    return FilePolicy(app_dir=str(app), **kw)


def test_files_in_the_app_folder_and_temp_folders_are_served(app):
    policy = policy_for(app)
    assert policy.check(app / "result.png") == (app / "result.png").resolve()
    written = save_bytes(b"data", "out.bin")
    assert policy.check(written).read_bytes() == b"data"
    with tempfile.NamedTemporaryFile(suffix=".png") as handle:
        assert policy.check(handle.name).exists()


@pytest.mark.parametrize("target", ["/etc/passwd", "~/.ssh/id_rsa", "/proc/self/environ"])
def test_system_files_are_refused(app, target):
    with pytest.raises(gr.Error, match="outside the folders stface serves"):
        policy_for(app).check(target)


@pytest.mark.parametrize("relative", [".env", ".git/config"])
def test_hidden_files_in_the_app_are_refused(app, relative):
    with pytest.raises(gr.Error, match="hidden"):
        policy_for(app).check(app / relative)


def test_hidden_files_in_temp_are_refused():
    hidden = Path(tempfile.mkdtemp()) / ".token"
    hidden.write_text("x")
    with pytest.raises(gr.Error, match="hidden"):
        FilePolicy().check(hidden)


@pytest.fixture
def app_outside_temp(tmp_path, monkeypatch):
    """An app folder and a same-prefix sibling outside the temp folder (which is always served)."""
    isolated_temp = tmp_path / "system-temp"
    isolated_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(isolated_temp))
    (tmp_path / "app").mkdir()
    (tmp_path / "app_evil").mkdir()
    (tmp_path / "app_evil" / "x.png").write_bytes(b"evil")
    (tmp_path / "elsewhere.txt").write_text("x")
    return tmp_path / "app"


def test_traversal_and_sibling_prefix_are_refused(app_outside_temp):
    policy = policy_for(app_outside_temp)
    with pytest.raises(gr.Error, match="outside the folders"):
        policy.check(f"{app_outside_temp}/../elsewhere.txt")
    with pytest.raises(gr.Error, match="outside the folders"):
        policy.check(f"{app_outside_temp}/../app_evil/x.png")
    with pytest.raises(gr.Error, match="outside the folders"):
        policy.check("%2e%2e/elsewhere.txt")


def test_symlinks_are_resolved_before_deciding(app):
    link = app / "innocent.png"
    link.symlink_to("/etc/hostname")
    with pytest.raises(gr.Error, match="outside the folders"):
        policy_for(app).check(link)


def test_blocked_paths_win_over_allowed_ones(app):
    with pytest.raises(gr.Error, match="blocked"):
        policy_for(app, blocked=[str(app)]).check(app / "result.png")


def test_allowed_paths_extend_the_roots(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "model.txt").write_text("x")
    assert FilePolicy(allowed=[str(data)], app_dir="/nonexistent").check(data / "model.txt").name == "model.txt"


def test_nul_bytes_and_missing_files_are_refused(app):
    with pytest.raises(gr.Error, match="NUL"):
        policy_for(app).check("result.png\x00.txt")
    with pytest.raises(gr.Error, match="not an existing file"):
        policy_for(app).check(app / "missing.png")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../x.png", "x.png"),
        ("a/b.png", "b.png"),
        ("..", "file"),
        ("CON.png", "file_CON.png"),
        ("a\x00b.png", "a_b.png"),
        ("x" * 9000 + ".png", "x" * 100 + ".png"),
        ("C:\\Windows\\evil.exe", "evil.exe"),
    ],
)
def test_uploaded_names_never_become_paths(name, expected):
    assert safe_filename(name) == expected


def test_saved_uploads_stay_inside_stfaces_temp_folder():
    path = Path(save_bytes(b"x", "../../../../etc/cron.d/evil"))
    assert path.resolve().is_relative_to(stface_temp_dir())
    assert path.name == "evil"


def test_outputs_are_checked_against_the_interfaces_policy(tmp_path):
    secret = tmp_path / "outside" / "secret.png"
    secret.parent.mkdir()
    secret.write_bytes(b"x")
    demo = gr.Interface(lambda: "/etc/passwd", None, "file")
    with pytest.raises(gr.Error, match="outside the folders"):
        demo()
    demo.launch_options.blocked_paths.append(tempfile.gettempdir())
    demo_tmp = gr.Interface(lambda: str(secret), None, "file")
    demo_tmp.launch_options.blocked_paths.append(str(secret.parent))
    with pytest.raises(gr.Error, match="blocked"):
        demo_tmp()
    assert os.path.exists(secret)
