"""What we read off a request about the person making it."""

from allauth.account.adapter import get_adapter
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # allauth's reading of the address, so proxies are trusted the same way as for its own
    # rate limits (ALLAUTH_TRUSTED_PROXY_COUNT / ALLAUTH_TRUSTED_CLIENT_IP_HEADER).
    return get_adapter().get_client_ip(request)
