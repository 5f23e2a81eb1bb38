"""Event calendars: /feeds/events.ics (upcoming events and the last year's, ?lang=kk|ru|en)."""

from django.urls import path

from mura.events import views

app_name = "event_feeds"

urlpatterns = [path("events.ics", views.events_feed, name="ics")]
