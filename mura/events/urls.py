from django.urls import path

from mura.events import views

app_name = "events"

# Calendar files sit beside the event page (/events/<slug>/event.ics). Wagtail serves only
# paths ending in "/", so these two are plain Django views that find the page by its slug.
urlpatterns = [
    path(
        "certificates/<str:code>/", views.certificate_verify, name="certificate_verify"
    ),
    path("<slug:slug>/event.ics", views.event_ics, name="event_ics"),
    path("<slug:slug>/slots/<int:slot_id>.ics", views.slot_ics, name="slot_ics"),
]
