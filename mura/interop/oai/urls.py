"""The OAI-PMH 2.0 endpoint (/oai)."""

from django.urls import path

from mura.interop.oai.views import endpoint

app_name = "oai"
urlpatterns = [path("", endpoint, name="endpoint")]
