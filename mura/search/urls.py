from django.urls import path

from mura.search import views

app_name = "search"

urlpatterns = [
    path("", views.search, name="index"),
    path("suggest/", views.suggest, name="suggest"),
]
