"""The prompt editor's form pieces: options as ordered rows (never typed JSON), positions that
new prompts fill in themselves."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGES, DraftPrompt

OPTION_PARTS = ("value", *(f"label_{lang}" for lang in LANGUAGES))
# A blank position: larger than any a writer types, so the prompt lands last until renumbered.
AT_THE_END = 32_000
# Empty rows offered below the filled ones, for new options; a new prompt gets five rows.
SPARE_ROWS = 3
AT_LEAST_ROWS = 5


class OptionRowsWidget(forms.Widget):
    """A table of rows: order, value, Dutch label, English label. Rows are read back in the
    order their "order" numbers say; a row left empty is dropped."""

    template_name = "admin/exercises/widgets/option_rows.html"

    def _rows(self, value: Any) -> list[dict[str, str]]:
        rows = (
            [dict(row) for row in value if isinstance(row, dict)] if isinstance(value, list) else []
        )
        spare = max(SPARE_ROWS, AT_LEAST_ROWS - len(rows))
        return rows + [{} for _ in range(spare)]

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict:
        context = super().get_context(name, value, attrs)
        rows = []
        for index, row in enumerate(self._rows(value)):
            rows.append(
                {
                    "index": index,
                    "order": row.get("order", index + 1 if any(row.values()) else ""),
                    **{part: row.get(part, "") for part in OPTION_PARTS},
                }
            )
        context["widget"]["rows"] = rows
        context["widget"]["parts"] = OPTION_PARTS
        return context

    def value_from_datadict(self, data, files, name: str) -> list[dict[str, str]] | None:
        count_key = f"{name}-rows"
        if count_key not in data:
            return None
        try:
            count = min(int(data[count_key]), 200)
        except (TypeError, ValueError):
            count = 0
        rows = []
        for index in range(count):
            row = {
                part: str(data.get(f"{name}-{index}-{part}", "")).strip() for part in OPTION_PARTS
            }
            row["order"] = str(data.get(f"{name}-{index}-order", "")).strip()
            rows.append(row)
        return rows

    def value_omitted_from_data(self, data, files, name: str) -> bool:
        return f"{name}-rows" not in data


class OptionRowsField(forms.Field):
    widget = OptionRowsWidget
    default_error_messages = {
        "order": _("Order must be a whole number."),
        "value": _("Every option with a label needs a value."),
        "duplicate": _("Option values must be unique: %(value)s appears twice."),
    }

    def to_python(self, value: Any) -> list[dict[str, str]]:
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            raise forms.ValidationError(self.error_messages["value"], code="value")
        filled = []
        for index, row in enumerate(value):
            if not isinstance(row, dict):
                continue
            parts = {part: str(row.get(part, "")).strip() for part in OPTION_PARTS}
            if not any(parts.values()):
                continue
            order = str(row.get("order", "")).strip()
            if order and not order.lstrip("-").isdigit():
                raise forms.ValidationError(self.error_messages["order"], code="order")
            filled.append((int(order) if order else 10_000 + index, index, parts))
        filled.sort(key=lambda item: (item[0], item[1]))
        return [parts for _order, _index, parts in filled]

    def validate(self, value: list[dict[str, str]]) -> None:
        super().validate(value)
        seen = set()
        for option in value:
            if not option["value"]:
                raise forms.ValidationError(self.error_messages["value"], code="value")
            if option["value"] in seen:
                raise forms.ValidationError(
                    self.error_messages["duplicate"],
                    code="duplicate",
                    params={"value": option["value"]},
                )
            seen.add(option["value"])


class DraftPromptForm(forms.ModelForm):
    """A draft prompt in the exercise's inline: options as rows; a blank position means "at
    the end" (the admin renumbers 1..n on save)."""

    options = OptionRowsField(label=_("Options"), required=False)

    class Meta:
        model = DraftPrompt
        fields = [
            "position",
            "kind",
            *(
                f"{field}_{lang}"
                for field in ("text", "help_text", "talk_about")
                for lang in LANGUAGES
            ),
            "min",
            "max",
            *(f"{f}_{lang}" for f in ("min_label", "max_label") for lang in LANGUAGES),
            "options",
        ]
        # Small boxes, so Dutch and English fit side by side and a prompt fits on a screen.
        widgets = {
            f"{f}_{lang}": forms.Textarea(attrs={"rows": 3, "cols": 44})
            for f in ("text", "help_text", "talk_about")
            for lang in LANGUAGES
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["position"].required = False
        self.fields["position"].help_text = _("Leave empty to add it at the end.")
        self.fields["kind"].widget.attrs["data-prompt-kind"] = "1"
        if self.instance._state.adding:
            self.initial["position"] = None

    def clean_position(self) -> int:
        """Blank: after every numbered prompt (the admin renumbers them 1..n right after)."""
        position = self.cleaned_data.get("position")
        return AT_THE_END if position is None else position
