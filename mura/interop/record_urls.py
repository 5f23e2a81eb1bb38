"""Downloads of one public record (/records/<public id>.<format>)."""

from django.urls import path

from mura.interop.record_views import record_export

app_name = "records"
urlpatterns = [
    path("<str:public_id>.<str:extension>", record_export, name="export"),
]
