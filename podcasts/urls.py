"""Public addresses of the podcasts app, mounted at /podcasts/ before Wagtail's pages."""

from django.urls import path

from . import views

app_name = "podcasts"

urlpatterns = [
    path("audio/<int:pk>/<str:filename>", views.serve_audio, name="audio"),
    path("feeds/<int:show_id>/rss/", views.podcast_feed, name="feed"),
    path("episodes/<int:pk>/transcript.html", views.episode_transcript, name="transcript"),
]
