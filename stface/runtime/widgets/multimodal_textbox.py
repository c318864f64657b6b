"""Drawing MultimodalTextbox: a text area and an uploader, one value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from stface.components.multimodal_textbox import MultimodalTextbox
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets._media import MediaWidget
from stface.runtime.widgets.base import draws
from stface.runtime.widgets.textbox import area_height


@draws(MultimodalTextbox)
class MultimodalTextboxWidget(MediaWidget):
    component: MultimodalTextbox

    def store(self, state: Any, keys: WidgetKeys, payload: Any) -> None:
        payload = self.component.postprocess(payload)
        state[keys.part("text")] = payload["text"]
        super().store(state, WidgetKeys(keys.part("files")), payload["files"] or None)
        state[keys.value] = payload

    def input(self, keys: WidgetKeys, *, on_change: Callable | None = None) -> dict[str, Any]:
        box, session = self.component, st.session_state
        text = st.text_area(self.label, key=keys.part("text"), placeholder=self.placeholder, help=self.help,
                            height=area_height(box.lines), disabled=self.disabled, on_change=on_change,
                            label_visibility=self.label_visibility)  # fmt: skip
        files_keys = WidgetKeys(keys.part("files"))
        self.upload(files_keys, label=f"{self.label}: attach files")
        files = session.get(files_keys.value)
        files = [] if files is None else files if isinstance(files, list) else [files]
        return {"text": text, "files": files}

    def output(self, payload: dict[str, Any], keys: WidgetKeys) -> None:
        self.caption()
        st.markdown(payload.get("text") or "")
        for file in payload.get("files") or []:
            st.caption(f"📎 {Path(str(file)).name}")
