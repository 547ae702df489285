from django import forms
from django.utils.translation import gettext_lazy as _

from .services import user_complete_signup


class SignupForm(forms.Form):
    """allauth adds these fields to its signup (browser and app clients alike)."""

    display_name = forms.CharField(label=_("Display name"), max_length=60, min_length=1)

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Choose a name your partner will recognise."))
        return name

    def signup(self, request, user) -> None:
        user_complete_signup(
            user=user, display_name=self.cleaned_data["display_name"], request=request
        )
