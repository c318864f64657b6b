"""Flagged samples saved to a Hugging Face dataset, as Gradio 3.50's HuggingFaceDatasetSaver saves them.

``setup`` creates the dataset (``exist_ok``), points its card at the data
and fetches the rows already there; each ``flag`` appends a row to
``data.csv`` (or writes ``<uuid>/metadata.jsonl`` with ``separate_dirs``),
copies files beside it and uploads the folder in one commit. The Hub is
``huggingface_hub``'s (``HF_ENDPOINT`` chooses another, read when
huggingface_hub is imported).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from stface._kwargs import warn_compatibility
from stface.components.audio import Audio
from stface.components.base import is_file_data
from stface.components.image import Image
from stface.flagging.callback import FlaggingCallback
from stface.flagging.csv_logger import _append_row, _copy_beside, _simplified, spreadsheet_safe
from stface.flagging.values import gradio_value, is_plain
from stface.paths import safe_filename

__all__ = ["HuggingFaceDatasetJSONSaver", "HuggingFaceDatasetSaver"]

_UNREACHABLE = ("ConnectError", "ConnectTimeout", "ConnectionError", "LocalEntryNotFoundError", "NetworkError",
                "OfflineModeIsEnabled", "TimeoutException", "TransportError")  # fmt: skip


class HuggingFaceDatasetSaver(FlaggingCallback):
    """Saves each flagged sample (inputs and outputs) to a Hugging Face dataset.

    Args:
        hf_token: a token that may write to the dataset (None: the one
            ``huggingface-cli login`` stored).
        dataset_name: the dataset's id, ``"user/name"`` (or ``"name"`` in
            the token owner's namespace); made if missing.
        organization: retired by Gradio; give ``"org/name"`` as dataset_name.
        private: make a new dataset private.
        info_filename: the file describing the columns.
        separate_dirs: one folder per sample (``<uuid>/metadata.jsonl``),
            safer when many write at once; otherwise rows of ``data.csv``.

    Needs ``huggingface_hub`` (``pip install 'stface[hf]'``). When the Hub
    cannot be reached, ``setup`` (which the Interface calls when it is built)
    raises a ConnectionError saying so.

    Example::

        import stface as gr
        saver = gr.HuggingFaceDatasetSaver(HF_TOKEN, "ada/image-classification-mistakes")
        gr.Interface(classify, "image", "label", allow_flagging="manual", flagging_callback=saver).launch()
    """

    def __init__(self, hf_token: str | None, dataset_name: str, organization: str | None = None,
                 private: bool = False, info_filename: str = "dataset_info.json", separate_dirs: bool = False,
                 verbose: bool = True) -> None:  # fmt: skip
        if organization is not None:
            warn_compatibility("HuggingFaceDatasetSaver(organization=...) is not used any more (as in Gradio); "
                               "pass the full dataset id, e.g. 'org/dataset_name', as dataset_name.")  # fmt: skip
        self.hf_token = hf_token
        self.dataset_id = dataset_name
        self.dataset_private = private
        self.info_filename = info_filename
        self.separate_dirs = separate_dirs

    def setup(self, components: Sequence[Any], flagging_dir: str | Path) -> None:
        """Create (or reuse) the dataset and fetch what it holds into ``flagging_dir/<name>``."""
        hub = _hub()
        with self._reaching_hub("set up the flagging dataset"):
            self.dataset_id = hub.create_repo(repo_id=self.dataset_id, token=self.hf_token, private=self.dataset_private,
                                              repo_type="dataset", exist_ok=True).repo_id  # fmt: skip
            path_glob = "**/*.jsonl" if self.separate_dirs else "data.csv"
            configs = [{"config_name": "default", "data_files": [{"split": "train", "path": path_glob}]}]
            hub.metadata_update(repo_id=self.dataset_id, repo_type="dataset", metadata={"configs": configs},
                                overwrite=True, token=self.hf_token)  # fmt: skip
            self.components = list(components)
            self.dataset_dir = Path(flagging_dir).absolute() / self.dataset_id.split("/")[-1]
            self.dataset_dir.mkdir(parents=True, exist_ok=True)
            self.infos_file = self.dataset_dir / self.info_filename
            for filename in [self.info_filename] + ([] if self.separate_dirs else ["data.csv"]):
                try:
                    hub.hf_hub_download(repo_id=self.dataset_id, repo_type="dataset", filename=filename,
                                        local_dir=self.dataset_dir, token=self.hf_token)  # fmt: skip
                except getattr(hub.errors, "RemoteEntryNotFoundError", hub.errors.EntryNotFoundError):
                    pass  # a new dataset

    def flag(self, flag_data: list[Any], flag_option: str | None = "", username: str | None = None) -> int:
        """Add one sample and upload it; return how many samples the dataset holds."""
        if not hasattr(self, "dataset_dir"):
            raise RuntimeError("HuggingFaceDatasetSaver.flag() was called before setup(components, flagging_dir).")
        hub = _hub()
        folder = self.dataset_dir / str(uuid.uuid4()) if self.separate_dirs else self.dataset_dir
        values = [v if is_plain(v) else gradio_value(c, v) for c, v in zip(self.components, flag_data)]
        features, row = self._row(folder, values, flag_option or "", username or "")
        upload = {"repo_id": self.dataset_id, "repo_type": "dataset", "token": self.hf_token}
        with self._reaching_hub("save the flag"):
            with _locked(self.dataset_dir / ".info.lock"):
                if not self.infos_file.exists():
                    self.infos_file.write_text(json.dumps({"flagged": {"features": features}}))
                    hub.upload_file(path_in_repo=self.infos_file.name, path_or_fileobj=self.infos_file, **upload)
            if not self.separate_dirs:
                with _locked(self.dataset_dir / ".lock"):
                    header = [spreadsheet_safe(name) for name in features]
                    count = _append_row(folder / "data.csv", header, [spreadsheet_safe(cell) for cell in row])
                    hub.upload_folder(commit_message=f"Flagged sample #{count}", path_in_repo=None,
                                      ignore_patterns="*.lock", folder_path=folder, **upload)  # fmt: skip
                return count
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "metadata.jsonl").write_text(json.dumps(dict(zip(features, row))))
            count = sum(1 for path in self.dataset_dir.iterdir() if path.is_dir() and not path.name.startswith("."))
            hub.upload_folder(commit_message=f"Flagged sample #{folder.name}", path_in_repo=folder.name,
                              ignore_patterns="*.lock", folder_path=folder, **upload)  # fmt: skip
            return count

    def _row(self, folder: Path, values: list[Any], option: str, username: str) -> tuple[dict[str, Any], list[Any]]:
        """The columns (Hugging Face features) and this sample's row; files copied under ``folder``."""
        hub = _hub()
        features: dict[str, Any] = {}
        row: list[Any] = []
        for component, value in zip(self.components, values):
            label = str(component.label or "")
            place = (folder / safe_filename(label, "media")).relative_to(self.dataset_dir).as_posix()
            copied = _copy_beside(value, self.dataset_dir, place)
            features[label] = {"dtype": "string", "_type": "Value"}
            cell = "" if copied is None else _simplified(copied)
            row.append(cell if isinstance(cell, str) else json.dumps(cell, default=str))
            if isinstance(component, (Image, Audio)):  # previewed on the Hub
                features[label + " file"] = {"_type": "Image" if isinstance(component, Image) else "Audio"}
                local = is_file_data(copied) and not copied.get("url")
                row.append(hub.hf_hub_url(repo_id=self.dataset_id, filename=copied["path"], repo_type="dataset")
                           if local else "")  # fmt: skip
        features["flag"] = {"dtype": "string", "_type": "Value"}
        features["username"] = {"dtype": "string", "_type": "Value"}
        return features, [*row, option, username]

    @contextlib.contextmanager
    def _reaching_hub(self, doing: str) -> Iterator[None]:
        """Network failures turned into one clear ConnectionError."""
        try:
            yield
        except Exception as exc:
            if not any(k.__name__ in _UNREACHABLE for k in type(exc).__mro__):
                raise
            from huggingface_hub import constants

            raise ConnectionError(
                f"HuggingFaceDatasetSaver could not reach the Hugging Face Hub at {constants.ENDPOINT} to {doing} "
                f"({type(exc).__name__}: {exc}). Check the network (and HF_HUB_OFFLINE), set HF_ENDPOINT to a hub "
                "you can reach, or flag to a local file with flagging_callback=gr.CSVLogger()."
            ) from exc


class HuggingFaceDatasetJSONSaver(HuggingFaceDatasetSaver):
    """Gradio 3's retired name for ``HuggingFaceDatasetSaver(..., separate_dirs=True)``.

    Example::

        saver = gr.HuggingFaceDatasetJSONSaver(HF_TOKEN, "ada/mistakes")   # one folder per sample
    """

    def __init__(self, hf_token: str | None, dataset_name: str, organization: str | None = None,
                 private: bool = False, info_filename: str = "dataset_info.json", verbose: bool = True) -> None:  # fmt: skip
        warn_compatibility("HuggingFaceDatasetJSONSaver is retired (as in Gradio 3.50); use "
                           "HuggingFaceDatasetSaver(..., separate_dirs=True).")  # fmt: skip
        super().__init__(hf_token, dataset_name, organization, private, info_filename, separate_dirs=True)


def _hub() -> Any:
    try:
        import huggingface_hub
        import huggingface_hub.errors
    except ImportError:
        raise ImportError("HuggingFaceDatasetSaver needs huggingface_hub: pip install 'stface[hf]'") from None
    return huggingface_hub


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock on ``path`` across threads and processes."""
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
