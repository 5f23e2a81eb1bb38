from django.urls import path

from mura.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.browse, name="index"),
    path("items/<str:public_id>/", views.item, name="item"),
    path("items/<str:public_id>/cover.png", views.cover, name="cover"),
    path("items/<str:public_id>/thumbnail/", views.thumbnail, name="thumbnail"),
    path("compare/", views.compare, name="compare"),
    path("works/<int:pk>/", views.work, name="work"),
    path("collections/", views.collection_list, name="collections"),
    path("collections/<slug:slug>/", views.collection_detail, name="collection"),
    path("persons/<int:pk>/", views.person, name="person"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
    path("places/<int:pk>/", views.place, name="place"),
    path("subjects/<int:pk>/", views.subject, name="subject"),
]
