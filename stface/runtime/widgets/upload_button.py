"""Drawing UploadButton: Streamlit's uploader under the button's label (a folder for ``file_count="directory"``)."""

from __future__ import annotations

from stface.components.upload_button import UploadButton
from stface.runtime.widgets.base import draws
from stface.runtime.widgets.files import FileWidget


@draws(UploadButton)
class UploadButtonWidget(FileWidget):
    component: UploadButton

    def accept_multiple_files(self) -> bool | str:
        return "directory" if self.component.file_count == "directory" else self.component.multiple_files
