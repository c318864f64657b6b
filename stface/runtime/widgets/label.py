"""Drawing a Label: the top class, then confidence bars (HTML built by ``label_html``, escaped)."""

from __future__ import annotations

from stface.components.label import Label, LabelData, label_html
from stface.runtime.session import WidgetKeys
from stface.runtime.widgets.base import Widget, draws, show_html


@draws(Label)
class LabelWidget(Widget[Label]):
    def output(self, payload: LabelData, keys: WidgetKeys) -> None:
        show_html(label_html(payload, self.label if self.component.show_label is not False else None))
