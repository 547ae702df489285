from django.views.generic import TemplateView


class AppShellView(TemplateView):
    """The PWA's single page; the client router draws every screen inside it."""

    template_name = "frontend/app.html"
