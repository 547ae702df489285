from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig


class AdminConfig(DjangoAdminConfig):
    """``django.contrib.admin`` with our site (``project.admin_site``) as the default one. Kept
    apart from the site's module: an app config is imported before any model may be."""

    default_site = "project.admin_site.StaffAdminSite"
