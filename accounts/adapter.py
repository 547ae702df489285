from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user) -> None:
        # Email is the login; there is no username to fill in.
        return None
