from django.urls import path, re_path

from mura.iiif import views

app_name = "iiif"

urlpatterns = [
    path("collection/<int:page_id>.json", views.collection, name="collection"),
    path("<int:image_id>", views.image_base, name="image"),
    path("<int:image_id>/info.json", views.info, name="info"),
    re_path(
        rf"^{views.IMAGE_SEGMENTS}$",
        views.image,
        name="image_region",
    ),
    path("<str:public_id>/manifest.json", views.manifest, name="manifest"),
]
