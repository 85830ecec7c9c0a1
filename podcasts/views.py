"""Public views (audio files, the feed, transcripts) and the editors' missing-transcript report."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.admin.views.reports import PageReportView

from operations.ranges import ranged_file_response

from .feeds import PodcastFeed
from .models import AudioFile, PodcastEpisodePage, PodcastIndexPage


@require_safe
def podcast_feed(request, show_id):
    # A new Feed per request: it keeps the request on itself to build absolute URLs.
    return PodcastFeed()(request, show_id=show_id)


@require_safe
def episode_transcript(request, pk):
    """A published episode's transcript as a page of its own, for podcast apps."""
    episode = get_object_or_404(
        PodcastEpisodePage.objects.live().public().exclude(transcript=""), pk=pk
    )
    show = PodcastIndexPage.objects.parent_of(episode).first()
    response = TemplateResponse(
        request,
        "podcasts/transcript.html",
        {
            "episode": episode,
            "show": show,
            "language": show.language if show else settings.LANGUAGE_CODE,
        },
    )
    response["Cache-Control"] = "public, max-age=900"
    return response


def is_published(audio):
    return PodcastEpisodePage.objects.live().public().filter(audio=audio).exists()


@require_safe
def serve_audio(request, pk, filename):
    """An episode's audio file, whole or by byte range, as podcast apps and players ask.

    Files on remote storage (S3) are served by that storage, which answers range
    requests itself: we redirect there. Audio of episodes nobody has published yet
    is only for people who can use the admin.
    """
    audio = get_object_or_404(AudioFile, pk=pk)
    if not audio.file or audio.filename != filename:
        raise Http404
    published = is_published(audio)
    if not published and not request.user.has_perm("wagtailadmin.access_admin"):
        raise Http404

    storage, name = audio.file.storage, audio.file.name
    url = storage.url(name)
    if urlsplit(url).scheme in {"http", "https"}:
        return redirect(url)
    try:
        response = ranged_file_response(request, storage, name, audio.mime_type)
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response["Cache-Control"] = "public, max-age=86400" if published else "private, no-store"
    return response


class MissingTranscriptsView(PageReportView):
    """Episodes with no transcript yet, for editors to fill in."""

    page_title = _("Episodes missing a transcript")
    header_icon = "media"
    index_url_name = "podcasts_missing_transcripts"
    index_results_url_name = "podcasts_missing_transcripts_results"
    any_permission_required = ["add", "change", "publish"]

    def get_filename(self):
        return "episodes-missing-a-transcript"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = (
            PodcastEpisodePage.objects.filter(transcript="", pk__in=editable.values("pk"))
            .defer_streamfields()
            .order_by("-publication_date", "-pk")
        )
        return super().get_queryset()
