import re
import uuid
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from coalition_site.blocks import RICH_TEXT_FEATURES, youtube_video_id
from coalition_site.models import BasePage, ListingPage

from .audio import FEED_AUDIO_TYPES, inspect_audio
from .categories import CATEGORIES, CATEGORY_CHOICES, SUBCATEGORY_CHOICES, SUBCATEGORY_MISMATCH
from .querysets import PodcastEpisodePageQuerySet

ARTWORK_MIN_SIZE = 1400
ARTWORK_MAX_SIZE = 3000
ARTWORK_FORMATS = {"jpeg", "png"}
ARTWORK_FEED_FILTER = "fill-1400x1400|format-jpeg"
ARTWORK_CARD_FILTER = "fill-320x320|format-webp"
# The namespace of a show's podcast:guid, from the Podcast Index namespace spec.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid_for(feed_url):
    """A show's podcast:guid: a UUIDv5 of its feed's address without scheme or end slash."""
    address = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url).rstrip("/")
    return uuid.uuid5(PODCAST_GUID_NAMESPACE, address)


class AudioFile(index.Indexed, models.Model):
    """An episode's sound file. Size, type and length are read from the file on upload."""

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to="podcasts/audio/",
        max_length=255,
        help_text=_(
            "MP3 or M4A: the audio podcast apps take. Export a WAV or Ogg recording as MP3 "
            "from your audio editor first."
        ),
    )
    file_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, editable=False)
    mime_type = models.CharField(_("type"), max_length=40, blank=True, editable=False)
    duration_seconds = models.PositiveIntegerField(
        _("duration (seconds)"), null=True, editable=False
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    panels = ["title", "file"]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("audio file")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    # The file's name in the database (None until read from or saved to it), and the
    # name of the file whose details were last read.
    stored_file_name = None
    inspected_file_name = None

    def save(self, *args, **kwargs):
        if self.has_new_upload() or (self.file and self.file_size is None):
            self.fill_file_details()
        super().save(*args, **kwargs)
        self.stored_file_name = self.inspected_file_name = self.file.name

    @property
    def filename(self):
        return PurePosixPath(self.file.name).name

    @property
    def url(self):
        """The address the site serves the file at (it answers range requests)."""
        return reverse("podcasts:audio", args=[self.pk, self.filename])

    @property
    def extension_label(self):
        """'MP3', 'M4A'… for the download link."""
        return PurePosixPath(self.file.name).suffix.lstrip(".").upper()

    @property
    def size_display(self):
        return filesizeformat(self.file_size) if self.file_size else ""

    @property
    def duration_display(self):
        if self.duration_seconds is None:
            return ""
        minutes, seconds = divmod(self.duration_seconds, 60)
        hours, minutes = divmod(minutes, 60)
        if hours:
            return f"{hours}:{minutes:02d}:{seconds:02d}"
        return f"{minutes}:{seconds:02d}"

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The file as stored; another one is a new upload (Django's "Customizing model loading").
        if "file" in field_names:
            instance.stored_file_name = values[field_names.index("file")]
        return instance

    def has_new_upload(self):
        if not self.file:
            return False
        if self.stored_file_name is None:  # not read from the database: new unless described
            return self.file_size is None
        return self.file.name != self.stored_file_name

    def fill_file_details(self):
        """Read size, MIME type and duration from a newly uploaded file (once per upload)."""
        if self.inspected_file_name == self.file.name:
            return
        details = inspect_audio(self.file, self.file.name)
        self.file_size = details.size
        self.mime_type = details.mime_type
        self.duration_seconds = details.duration_seconds
        self.inspected_file_name = self.file.name

    def clean(self):
        super().clean()
        if self.has_new_upload():
            try:
                self.fill_file_details()
            except ValidationError as error:
                raise ValidationError({"file": error}) from error


class PodcastIndexPage(ListingPage):
    """One show: its episodes, newest first, and its feed for podcast apps."""

    introduction = None  # the show's description says what it is about

    description = models.TextField(
        _("description"),
        help_text=_("What the show is about, in a few sentences. Podcast apps show it."),
    )
    artwork = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("artwork"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square, between 1400 and 3000 pixels wide, JPEG or PNG."),
    )
    artwork_alt_text = models.CharField(
        _("artwork alt text"),
        max_length=200,
        blank=True,
        help_text=_(
            "What the artwork says or shows. Leave blank if it only shows the show's name."
        ),
    )
    author = models.CharField(
        _("author"), max_length=200, help_text=_("Who makes the show, as podcast apps list it.")
    )
    owner_name = models.CharField(_("owner name"), max_length=200)
    owner_email = models.EmailField(
        _("owner email"),
        help_text=_("Podcast directories write here to confirm who owns the show. It is public."),
    )
    category = models.CharField(_("category"), max_length=60, choices=CATEGORY_CHOICES)
    subcategory = models.CharField(
        _("subcategory"), max_length=60, choices=SUBCATEGORY_CHOICES, blank=True
    )
    explicit = models.BooleanField(
        _("explicit"), default=False, help_text=_("Tick if the show has explicit content.")
    )
    language = models.CharField(
        _("language"), max_length=10, default="en", help_text=_("A language code such as en or es.")
    )
    copyright = models.CharField(_("copyright"), max_length=200, blank=True)
    podcast_locked = models.BooleanField(
        _("locked against moves"),
        default=True,
        help_text=_(
            "Tells podcast platforms not to let anyone move the show to another host. Untick "
            "only while moving it yourself."
        ),
    )
    podcast_guid = models.UUIDField(
        _("podcast GUID"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The show's permanent identifier, made from its feed's first address."),
    )

    content_panels = Page.content_panels + [
        "description",
        FieldRowPanel(["artwork", "artwork_alt_text"], heading=_("Artwork")),
        MultiFieldPanel(
            [
                "author",
                FieldRowPanel(["owner_name", "owner_email"]),
                FieldRowPanel(["category", "subcategory"]),
                FieldRowPanel(["language", "explicit"]),
                FieldRowPanel(["copyright", "podcast_locked"]),
            ],
            heading=_("For podcast apps"),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("description")]
    exclude_fields_in_copy = ["podcast_guid"]

    parent_page_types = ["coalition_site.HomePage"]
    subpage_types = ["podcasts.PodcastEpisodePage"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("podcast show")

    def listed_items(self):
        return PodcastEpisodePage.objects.child_of(self).visible()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_address"] = request.build_absolute_uri(self.feed_url)
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.subcategory and self.subcategory not in CATEGORIES.get(self.category, []):
            errors["subcategory"] = ValidationError(
                SUBCATEGORY_MISMATCH,
                code="subcategory_mismatch",
                params={"subcategory": self.subcategory, "category": self.category},
            )
        artwork_error = self.artwork_problem()
        if artwork_error:
            errors["artwork"] = artwork_error
        if errors:
            raise ValidationError(errors)

    def artwork_problem(self):
        """Why podcast apps would refuse the artwork, or None."""
        image = self.artwork
        if image is None:
            return None
        width, height = image.width, image.height
        kind = (image.file.name.rsplit(".", 1)[-1] if image.file else "").lower()
        kind = "jpeg" if kind == "jpg" else kind
        if kind not in ARTWORK_FORMATS:
            return ValidationError(
                _("Podcast apps accept JPEG or PNG artwork only; this image is %(kind)s."),
                code="artwork_format",
                params={"kind": kind.upper() or "?"},
            )
        if width != height:
            return ValidationError(
                _("The artwork must be square; this image is %(width)s × %(height)s pixels."),
                code="artwork_not_square",
                params={"width": width, "height": height},
            )
        if not ARTWORK_MIN_SIZE <= width <= ARTWORK_MAX_SIZE:
            return ValidationError(
                _(
                    "The artwork must be between %(min)s and %(max)s pixels wide; "
                    "this image is %(width)s pixels."
                ),
                code="artwork_size",
                params={"min": ARTWORK_MIN_SIZE, "max": ARTWORK_MAX_SIZE, "width": width},
            )
        return None

    @property
    def feed_url(self):
        return reverse("podcasts:feed", args=[self.pk])

    def full_feed_url(self):
        """The feed's address on the site's own host name, or None outside any site."""
        site = self.get_site()
        return site.root_url + self.feed_url if site else None

    def get_podcast_guid(self):
        """The show's podcast:guid: kept from its first publication, else made now."""
        if self.podcast_guid:
            return self.podcast_guid
        feed_url = self.full_feed_url()
        return podcast_guid_for(feed_url) if feed_url else None

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.live and not self.podcast_guid:
            # Made once, from the feed's address when the show is first published,
            # and kept when that address changes (a new host name, say).
            self.podcast_guid = self.get_podcast_guid()
            if self.podcast_guid:
                PodcastIndexPage.objects.filter(pk=self.pk).update(podcast_guid=self.podcast_guid)


class EpisodeType(models.TextChoices):
    FULL = "full", _("Full episode")
    TRAILER = "trailer", _("Trailer")
    BONUS = "bonus", _("Bonus")


def validate_youtube_url(value):
    if value and not youtube_video_id(value):
        raise ValidationError(
            _("Enter the address of a YouTube video, such as https://youtu.be/…"),
            code="not_youtube",
        )


class PodcastEpisodePage(BasePage):
    """One episode: audio, optional video, show notes and a transcript."""

    guid = models.UUIDField(
        _("feed identifier"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Tells podcast apps this is the same episode, whatever is edited."),
    )
    publication_date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("Shown on the site and in podcast apps; episodes are listed by it."),
    )
    season_number = models.PositiveIntegerField(_("season"), null=True, blank=True)
    episode_number = models.PositiveIntegerField(_("episode number"), null=True, blank=True)
    episode_type = models.CharField(
        _("episode type"), max_length=10, choices=EpisodeType.choices, default=EpisodeType.FULL
    )
    explicit = models.BooleanField(_("explicit"), default=False)
    audio = models.ForeignKey(
        AudioFile,
        verbose_name=_("audio file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="episodes",
        help_text=_(
            "Podcast apps only receive episodes with an audio file. Without one, the episode "
            "is on the website but not in the show's podcast feed."
        ),
    )
    video_url = models.URLField(
        _("YouTube video"),
        blank=True,
        validators=[validate_youtube_url],
        help_text=_(
            "Optional. Visitors see a poster; the player loads, without cookies, only "
            "when they press play."
        ),
    )
    video_poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("video poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in place of the video until the visitor presses play."),
    )
    show_notes = RichTextField(_("show notes"), features=RICH_TEXT_FEATURES, blank=True)
    transcript = RichTextField(
        _("transcript"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Everything said in the episode, for deaf and hard-of-hearing visitors. Until it "
            "is added, the page says the transcript is coming soon."
        ),
    )
    partners = ParentalManyToManyField(
        "partners.PartnerPage",
        blank=True,
        related_name="podcast_episodes",
        verbose_name=_("partners in this episode"),
    )

    content_panels = Page.content_panels + [
        "summary",
        MultiFieldPanel(
            [
                "publication_date",
                FieldRowPanel(["season_number", "episode_number"]),
                FieldRowPanel(["episode_type", "explicit"]),
            ],
            heading=_("Episode"),
        ),
        "audio",
        MultiFieldPanel(["video_url", "video_poster"], heading=_("Video")),
        "show_notes",
        InlinePanel("guests", heading=_("Guests"), label=_("Guest")),
        FieldPanel("partners"),
        "transcript",
    ]
    promote_panels = Page.promote_panels + ["listing_image"]
    search_fields = BasePage.search_fields + [
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
        index.FilterField("publication_date"),
    ]
    exclude_fields_in_copy = ["guid"]

    parent_page_types = ["podcasts.PodcastIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(PodcastEpisodePageQuerySet)()

    class Meta:
        verbose_name = _("podcast episode")
        ordering = ["-publication_date", "-pk"]

    @property
    def in_feed(self):
        return self.audio_id is not None and self.audio.mime_type in FEED_AUDIO_TYPES

    @property
    def transcript_url(self):
        """The transcript as a file of its own, for podcast apps (podcast:transcript)."""
        return reverse("podcasts:transcript", args=[self.pk])

    @cached_property
    def video_id(self):
        return youtube_video_id(self.video_url)

    @property
    def video(self):
        """What the shared click-to-load video template needs, or None without a video."""
        if not self.video_id:
            return None
        return {
            "value": {"title": self.title, "poster": self.video_poster},
            "embed_url": f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1",
            "watch_url": f"https://www.youtube.com/watch?v={self.video_id}",
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Wagtail's routing keeps the show it went through as the episode's parent: no query.
        parent = self.get_parent()
        context["show"] = parent.specific if parent else None
        # filter(live=True) rather than .live(): in a preview the relation is held in memory.
        context["partners"] = self.partners.filter(live=True).order_by("title")
        context["guests"] = self.guests.all()
        return context

    @property
    def episode_label(self):
        """'Season 1, episode 2', 'Episode 2', 'Trailer'…"""
        if self.episode_type != EpisodeType.FULL:
            return self.get_episode_type_display()
        if self.season_number and self.episode_number:
            return _("Season %(season)s, episode %(episode)s") % {
                "season": self.season_number,
                "episode": self.episode_number,
            }
        if self.episode_number:
            return _("Episode %(episode)s") % {"episode": self.episode_number}
        return ""


class EpisodeGuest(Orderable):
    episode = ParentalKey(PodcastEpisodePage, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("For example: victim advocate.")
    )

    panels = [FieldRowPanel(["name", "role"])]

    class Meta(Orderable.Meta):
        verbose_name = _("guest")

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name
