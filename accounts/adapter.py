from datetime import timedelta

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user) -> None:
        # Email is the login; there is no username to fill in.
        return None

    def login(self, request, user) -> None:
        super().login(request, user)
        if user.is_staff:
            # A stolen staff cookie opens the admin: it lives hours, not weeks, from sign-in.
            request.session.set_expiry(timedelta(seconds=settings.STAFF_SESSION_AGE))
