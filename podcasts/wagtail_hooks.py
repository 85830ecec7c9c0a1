from django import forms
from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .audio import AUDIO_EXTENSIONS, FEED_AUDIO_TYPES
from .models import AudioFile, PodcastEpisodePage
from .views import MissingTranscriptsView

NO_AUDIO_WARNING = _(
    "“%(title)s” has no audio file, so podcast apps will not get it: it is on the website "
    "but not in the show's podcast feed. Choose an audio file to add it to the feed."
)
AUDIO_NOT_FOR_PODCAST_APPS_WARNING = _(
    "The audio file of “%(title)s” is %(kind)s, which podcast apps do not take: the episode "
    "is on the website but not in the show's podcast feed. Upload the recording as MP3 or "
    "M4A and choose that file to add it to the feed."
)


class AudioFileViewSet(SnippetViewSet):
    model = AudioFile
    icon = "media"
    menu_label = _("Audio files")
    add_to_admin_menu = True
    menu_order = 250
    list_display = [
        "title",
        Column("mime_type", label=_("Type")),
        Column("size_display", label=_("Size")),
        Column("duration_display", label=_("Duration")),
        Column("created_at", label=_("Uploaded")),
    ]
    search_fields = ["title"]
    panels = [
        "title",
        FieldPanel(
            "file",
            widget=forms.ClearableFileInput(
                attrs={"accept": ",".join(f".{ext}" for ext in AUDIO_EXTENSIONS)}
            ),
        ),
    ]


register_snippet(AudioFileViewSet)


@hooks.register("register_admin_urls")
def register_missing_transcripts_report():
    return [
        path(
            "reports/episodes-missing-a-transcript/",
            MissingTranscriptsView.as_view(),
            name="podcasts_missing_transcripts",
        ),
        path(
            "reports/episodes-missing-a-transcript/results/",
            MissingTranscriptsView.as_view(results_only=True),
            name="podcasts_missing_transcripts_results",
        ),
    ]


class MissingTranscriptsMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_reports_menu_item")
def register_missing_transcripts_menu_item():
    return MissingTranscriptsMenuItem(
        _("Episodes missing a transcript"),
        reverse("podcasts_missing_transcripts"),
        name="episodes-missing-a-transcript",
        icon_name="media",
        order=1100,
    )


def warn_when_not_in_feed(request, page):
    if not isinstance(page, PodcastEpisodePage):
        return
    if not page.audio_id:
        messages.warning(request, NO_AUDIO_WARNING % {"title": page.title})
    elif page.audio.mime_type not in FEED_AUDIO_TYPES:
        # Uploaded before only MP3 and M4A were accepted.
        messages.warning(
            request,
            AUDIO_NOT_FOR_PODCAST_APPS_WARNING
            % {"title": page.title, "kind": page.audio.extension_label or "?"},
        )


@hooks.register("after_create_page")
def warn_new_episode_without_audio(request, page):
    warn_when_not_in_feed(request, page)


@hooks.register("after_edit_page")
def warn_edited_episode_without_audio(request, page):
    warn_when_not_in_feed(request, page)
