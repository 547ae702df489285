"""allauth's apps under the names our admin uses, in the editor's language (issue 21: one
language per admin session, one term per concept).

allauth calls its sections "Accounts" (next to our own users) and "MFA", and its user session
and authenticator models have no translatable names. These subclasses, listed in
``INSTALLED_APPS`` in place of allauth's own, keep every label and behaviour and only rename.
A model's display name is set on its options after loading; ``original_attrs`` (what migrations
read) is left alone, so no migration follows."""

from allauth.account.apps import AccountConfig as AllauthAccountConfig
from allauth.mfa.apps import MFAConfig as AllauthMFAConfig
from allauth.usersessions.apps import UserSessionsConfig as AllauthUserSessionsConfig
from django.utils.translation import gettext_lazy as _


class AccountConfig(AllauthAccountConfig):
    verbose_name = _("Email addresses")


class MFAConfig(AllauthMFAConfig):
    verbose_name = _("Two-step sign-in")

    def ready(self) -> None:
        super().ready()
        options = self.get_model("Authenticator")._meta
        options.verbose_name = _("authenticator")
        options.verbose_name_plural = _("authenticators")


class UserSessionsConfig(AllauthUserSessionsConfig):
    verbose_name = _("User sessions")

    def ready(self) -> None:
        super().ready()
        options = self.get_model("UserSession")._meta
        options.verbose_name = _("user session")
        options.verbose_name_plural = _("user sessions")
