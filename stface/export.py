"""What ``stface export`` writes beside the entrypoint so that the folder runs anywhere.

- ``requirements.txt``: stface pinned to this version, with the extras the app
  uses (interpretation, Hugging Face models, media, OpenAI-style servers,
  OpenAPI, MCP, SQL flags), then the third-party packages the app imports (its own file
  and the local modules it imports, read with ``ast``), mapped to their
  distributions and pinned to the versions installed here.
- ``.streamlit/config.toml``: the launch options the server needs (upload
  size, error details, theme), with usage statistics off.
- With ``--out-dir``, a copy of the app file, the local modules it imports
  and the files its examples and css name, so that the folder stands alone.

Example:
    >>> import sys
    >>> third_party_imports("import numpy as np\\nimport os\\nfrom PIL import Image\\nimport helper\\n", {"helper"})
    ['PIL', 'numpy']
"""

from __future__ import annotations

import ast
import importlib.metadata as metadata
import re
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["config_toml", "copy_app", "local_modules", "requirements", "third_party_imports"]

#: Packages stface itself brings (listed only if the app imports them, pinned like the rest).
_NEVER = {"stface", "gradio", "__future__"}


def third_party_imports(source: str, local: set[str]) -> list[str]:
    """Top-level names of the modules ``source`` imports that are neither the standard library nor local."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return sorted(n for n in names if n not in sys.stdlib_module_names and n not in local and n not in _NEVER)


def local_modules(app: Path) -> list[Path]:
    """The app file and the modules beside it that it imports (and they import), in the order found."""
    folder, found, queue = app.parent, [], [app]
    while queue:
        path = queue.pop(0)
        if path in found:
            continue
        found.append(path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])  # fmt: skip
            for module in modules:
                candidate = folder / (module.split(".")[0] + ".py")
                if candidate.exists() and candidate not in found:
                    queue.append(candidate)
    return found


def requirements(app: Path, interface: Any) -> str:
    """The requirements.txt of an export: stface with its extras, then the app's own imports, pinned."""
    modules = local_modules(app)
    local = {m.stem for m in modules}
    imported = sorted({n for m in modules for n in third_party_imports(m.read_text(encoding="utf-8"), local)})
    extras = sorted(_extras(interface, modules, imported))
    lines = [f"stface{'[' + ','.join(extras) + ']' if extras else ''}=={metadata.version('stface')}"]
    distributions = metadata.packages_distributions()
    missing = []
    for name in imported:
        dists = distributions.get(name)
        if not dists:
            missing.append(name)
            continue
        for dist in sorted(set(dists)):
            pin = f"{_canonical(dist)}=={metadata.version(dist)}"
            if pin not in lines:
                lines.append(pin)
    lines += [f"# {name}: imported by the app but not installed here; add its distribution by hand" for name in missing]
    return "\n".join(lines) + "\n"


def _extras(interface: Any, modules: list[Path], imported: Iterable[str]) -> set[str]:
    """stface's extras an app needs: from what its code names and imports, and what its interface uses."""
    names, strings = set(), []
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute):
                names.add(node.attr)
            elif isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.append(node.value)
    apps = list(getattr(interface, "interfaces", None) or [interface])
    extras = set()
    if any(getattr(a, "interpretation", None) for a in apps):
        extras.add("interpret")
    hub_names = any(s.startswith(("models/", "spaces/", "huggingface/")) for s in strings) and "load" in names
    if hub_names or {"transformers", "huggingface_hub", "gradio_client", "torch"} & set(imported):
        extras.add("hf")
    for name, extra in (("load_chat", "openai"), ("load_openapi", "openapi"), ("make_waveform", "media"),
                        ("watermark", "media"), ("mcp_server", "mcp"), ("SQLLogger", "sql")):  # fmt: skip
        if name in names:
            extras.add(extra)
    if interface.launch_options.serves_mcp:
        extras.add("mcp")
    return extras


def _canonical(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


def config_toml(interface: Any) -> str:
    """``.streamlit/config.toml`` for the app's launch options (upload size, errors, theme)."""
    from stface.themes import theme_options

    options = interface.launch_options
    sections: dict[str, dict[str, Any]] = {
        "server": {"headless": True},
        "browser": {"gatherUsageStats": False},
        "client": {"showErrorDetails": "full" if options.show_error else "none", "toolbarMode": "minimal"},
    }
    if options.max_upload_mb is not None:
        sections["server"]["maxUploadSize"] = options.max_upload_mb
    for key, value in theme_options(getattr(interface, "theme", None)).items():
        section, name = key.split(".", 1)
        sections.setdefault(section, {})[name] = value
    out = ["# Written by `stface export`: the app's launch options as Streamlit config."]
    for section, values in sections.items():
        out.append(f"\n[{section}]")
        out += [f"{name} = {_toml(value)}" for name, value in values.items()]
    return "\n".join(out) + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def copy_app(app: Path, interface: Any, out_dir: Path) -> list[Path]:
    """Copy the app, its local modules and the files they name into ``out_dir``; the copies."""
    folder, copied = app.parent, []
    modules = local_modules(app)
    for path in modules + _named_files(interface, modules, folder):
        target = out_dir / path.resolve().relative_to(folder.resolve())
        if target.resolve() == path.resolve():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            shutil.copytree(path, target, dirs_exist_ok=True)
        else:
            shutil.copy2(path, target)
        copied.append(target)
    return copied


def _named_files(interface: Any, modules: list[Path], folder: Path) -> list[Path]:
    """Files and folders inside the app's folder that its code (strings: css, ``file=`` references, an examples
    folder) or its examples name; never anything outside the folder."""
    names: list[str] = []
    for module in modules:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) < 500:
                names.append(node.value)
                names += re.findall(r"file=([^'\")\s]+)", node.value)
    for part in list(getattr(interface, "interfaces", None) or [interface]):
        for row in getattr(part, "examples", None) or []:
            names += [v for v in (row if isinstance(row, (list, tuple)) else [row]) if isinstance(v, str)]
    root, found = folder.resolve(), []
    for name in names:
        try:
            path = (folder / name).resolve()
        except (OSError, ValueError):
            continue
        if path != root and path.is_relative_to(root) and path.exists() and path.suffix != ".py" and path not in found:
            found.append(path)
    return found
