"""The ``stface`` command: ``stface launch app.py`` and ``stface export app.py``.

The app's interface is found the way ``typer`` finds an app: ``--name`` if
given, else the interface the file calls ``launch()`` on, else a variable
named ``demo`` (or ``app``, ``iface``, ``interface``, ``io``), else the only
Interface in the file. Errors are one line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="stface", description="Gradio's Interface API, served by Streamlit.")
    commands = parser.add_subparsers(dest="command", required=True)
    launch = commands.add_parser("launch", help="serve an app file, reloading when it changes")
    launch.add_argument("app", help="the Python file that builds the interface")
    launch.add_argument("--name", help="the variable holding the interface (default: found automatically)")
    launch.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    launch.add_argument("--port", type=int, help="port (default 7860, or the next free one)")
    launch.add_argument("--show-error", action="store_true", help="show fn's exceptions in the page")
    launch.add_argument("--no-reload", action="store_true", help="do not reload when the app file changes")
    export = commands.add_parser("export", help="write a Streamlit entrypoint for Community Cloud")
    export.add_argument("app", help="the Python file that builds the interface")
    export.add_argument("--name", help="the variable holding the interface")
    export.add_argument("-o", "--output", default=None, help="entrypoint to write (default streamlit_app.py beside the app)")
    export.add_argument("--out-dir", default=None, help="copy the app, its modules and files into this folder and export there")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "launch":
            return _launch(args)
        return _export(args)
    except (FileNotFoundError, LookupError, ImportError, FileExistsError) as exc:
        print(f"stface: {exc}", file=sys.stderr)
        return 1


def _launch(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from stface.runtime import scripts, server
    from stface.runtime.loader import load_app

    app = Path(args.app)
    interface = load_app(app, args.name).interface
    options = interface.launch_options
    options = replace(
        options,
        server_name=args.host or options.server_name,
        server_port=args.port or options.server_port,
        show_error=args.show_error or options.show_error,
    )
    interface.launch_options = options
    if options.serves_mcp:
        from stface.api.mcp import require_mcp

        require_mcp()
    script = scripts.write_temp_script(scripts.app_script(str(app.resolve()), args.name))
    watch = None if args.no_reload else str(app.resolve().parent)
    from stface.themes import theme_options

    flags = server.streamlit_options(options, watch_folder=watch) | theme_options(interface.theme)
    print(f"Running on local URL:  http://{flags['browser.serverAddress']}:{flags['server.port']}", file=sys.stderr)
    server.serve_forever(script, flags)
    return 0


def _export(args: argparse.Namespace) -> int:
    from stface import export
    from stface.runtime import scripts
    from stface.runtime.loader import load_app

    source = Path(args.app).resolve()
    interface = load_app(source, args.name).interface
    app = source
    if args.out_dir:  # a folder that stands alone: the app, its modules and files copied in
        out_dir = Path(args.out_dir).resolve()
        if out_dir == source.parent:
            raise FileExistsError(f"--out-dir is the app's own folder ({out_dir}); leave it out to export in place.")
        out_dir.mkdir(parents=True, exist_ok=True)
        for copied in export.copy_app(source, interface, out_dir):
            print(f"Copied {copied}")
        app = out_dir / source.name
    default = app.with_name("streamlit_app.py")
    target = Path(args.output) if args.output else default
    if target.resolve() == app:
        raise FileExistsError(f"Refusing to overwrite the app itself ({app}); pass -o another_file.py.")
    relative = os.path.relpath(app, target.resolve().parent)
    target.write_text(scripts.export_script(relative, args.name, _summary(interface)), encoding="utf-8")
    print(f"Wrote {target}")
    folder = target.resolve().parent
    _write_new(folder / "requirements.txt", export.requirements(source, interface))
    _write_new(folder / ".streamlit" / "config.toml", export.config_toml(interface))
    return 0


def _write_new(path: Path, text: str) -> None:
    """Write a file the export needs, keeping one the user already has (and saying so)."""
    if path.exists():
        print(f"Kept {path} (delete it to have stface write it)")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Wrote {path}")


def _summary(app) -> str:
    from stface.interface import Interface

    if not isinstance(app, Interface):
        return repr(app)  # a ChatInterface or TabbedInterface
    ins = ", ".join(f"{type(c).__name__}({c.label!r})" for c in app.input_components) or "nothing"
    outs = ", ".join(f"{type(c).__name__}({c.label!r})" for c in app.output_components) or "nothing"
    return f"{ins} -> {outs}"


if __name__ == "__main__":
    raise SystemExit(main())
