from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from coalition_site.blocks import BodyBlock
from coalition_site.listing import parent_url
from coalition_site.models import BasePage, ListingPage, ManagedList, phone_href

from .choices import NewsKind
from .filters import NewsFilter
from .querysets import NewsPageQuerySet
from .sharing import sharing_context

# /news/feeds/… is where the feeds live (news/urls.py); no item may take that address.
FEEDS_SLUG = "feeds"
# …nor the press room's fact sheet, served by the news index (NewsIndexPage.fact_sheet).
FACT_SHEET_SLUG = "fact-sheet"
# How many other items a news item's page suggests.
RELATED_LIMIT = 3


@register_snippet
class Topic(ManagedList):
    """What a news item is about: Operation Hot Spots, Sentencing, Awareness…"""

    class Meta(ManagedList.Meta):
        verbose_name = _("news topic")


class NewsIndexPage(RoutablePageMixin, ListingPage):
    """News & press: every news item, newest first, filterable; the press room; the feeds.

    The press room (media contact, boilerplate, key facts) is written on this
    page, so each language's news index carries its own translation of it.
    """

    media_contact_name = models.CharField(_("name"), max_length=200, blank=True)
    media_contact_role = models.CharField(_("role"), max_length=200, blank=True)
    media_contact_email = models.EmailField(_("email"), blank=True)
    media_contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    boilerplate = models.TextField(
        _("boilerplate"),
        blank=True,
        help_text=_(
            "A short paragraph about the coalition that journalists may quote. "
            "It closes every press release."
        ),
    )
    key_facts = models.TextField(
        _("key facts"),
        blank=True,
        help_text=_("One fact per line, for the press room and the one-page fact sheet (PDF)."),
    )

    content_panels = ListingPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(["media_contact_name", "media_contact_role"]),
                FieldRowPanel(["media_contact_email", "media_contact_phone"]),
                "boilerplate",
                "key_facts",
            ],
            heading=_("Press room"),
            help_text=_(
                "The media contact is shown on every press release that has none of its own."
            ),
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("boilerplate")]
    subpage_types = ["news.NewsPage"]
    filterset_class = NewsFilter
    per_page = 10

    class Meta:
        verbose_name = _("news index")

    @property
    def has_media_contact(self):
        return bool(self.media_contact_name or self.media_contact_email or self.media_contact_phone)

    @property
    def media_contact_phone_href(self):
        return phone_href(self.media_contact_phone)

    @property
    def key_fact_list(self):
        return [line.strip() for line in self.key_facts.splitlines() if line.strip()]

    def listed_items(self):
        return NewsPage.objects.child_of(self).published()

    @path(f"{FACT_SHEET_SLUG}/", name="fact_sheet")
    def fact_sheet(self, request):
        """The one-page fact sheet, a PDF made from the press room and site settings."""
        # The PDF library is loaded by the first fact sheet asked for, not by every process.
        from .fact_sheet import fact_sheet_response

        return fact_sheet_response(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["fact_sheet_url"] = self.get_url(request) + self.reverse_subpage("fact_sheet")
        return context


class NewsPage(BasePage):
    """A press release, an announcement, an event or a mention in the press."""

    kind = models.CharField(
        _("kind"), max_length=20, choices=NewsKind.choices, default=NewsKind.ANNOUNCEMENT
    )
    publication_date = models.DateField(
        _("publication date"),
        default=timezone.localdate,
        help_text=_("The date readers see. Set an earlier date to add an older release."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured image"),
    )
    image_alt_text = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    body = StreamField(BodyBlock(), blank=True)
    topics = ParentalManyToManyField(Topic, blank=True, related_name="news_items")
    related_partners = ParentalManyToManyField(
        "partners.PartnerPage",
        blank=True,
        related_name="news_items",
        verbose_name=_("partners named"),
        help_text=_("The item is listed on each of these partners' pages."),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=100,
        default="Sacramento, California",
        blank=True,
        help_text=_("Where a press release is issued; shown before its date."),
    )
    media_contact_name = models.CharField(_("name"), max_length=200, blank=True)
    media_contact_email = models.EmailField(_("email"), blank=True)
    media_contact_phone = models.CharField(_("phone"), max_length=30, blank=True)
    event_start = models.DateTimeField(_("starts"), null=True, blank=True)
    event_end = models.DateTimeField(_("ends"), null=True, blank=True)
    event_location = models.CharField(_("location"), max_length=250, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel(["kind", "publication_date", "dateline"]),
        "summary",
        FieldRowPanel(["image", "image_alt_text"], heading=_("Featured image")),
        "body",
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=CheckboxSelectMultiple),
                FieldPanel("related_partners", widget=CheckboxSelectMultiple),
            ],
            heading=_("Topics and partners"),
        ),
        MultiFieldPanel(
            ["event_start", "event_end", "event_location"],
            heading=_("Event"),
            help_text=_("Only for events."),
        ),
        MultiFieldPanel(
            ["media_contact_name", "media_contact_email", "media_contact_phone"],
            heading=_("Media contact"),
            help_text=_("Leave blank to show the press room's media contact."),
        ),
    ]
    promote_panels = Page.promote_panels + [
        FieldPanel(
            "listing_image",
            help_text=_("Shown when the page is shared. Leave blank to use the featured image."),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def save(self, *args, **kwargs):
        # The feeds' permanent ids carry the date of first publication. Wagtail
        # records it when a revision is published; a page created live in code
        # (demo content, imports) gets it here, so its id never changes later.
        if self.live and self.first_published_at is None:
            self.first_published_at = timezone.now()
        return super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.slug == FEEDS_SLUG:
            errors["slug"] = _("This address is taken by the news feeds; choose another.")
        elif self.slug == FACT_SHEET_SLUG:
            errors["slug"] = _("This address is taken by the fact sheet; choose another.")
        if self.image_id and not self.image_alt_text.strip():
            errors["image_alt_text"] = _("Describe the image for people who cannot see it.")
        if self.kind == NewsKind.EVENT and not self.event_start:
            errors["event_start"] = _("An event needs a start date and time.")
        if self.event_start and self.event_end and self.event_end <= self.event_start:
            errors["event_end"] = _("The event must end after it starts.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_event(self):
        return self.kind == NewsKind.EVENT

    @property
    def is_press_release(self):
        return self.kind == NewsKind.PRESS_RELEASE

    @property
    def has_media_contact(self):
        return bool(self.media_contact_name or self.media_contact_email or self.media_contact_phone)

    @property
    def media_contact_phone_href(self):
        return phone_href(self.media_contact_phone)

    @property
    def press_room(self):
        """The news index above the item: its media contact and boilerplate close a release.

        Wagtail's routing keeps the index it went through as the item's parent,
        so a served item reads it without a query.
        """
        parent = self.get_parent()
        return parent.specific if parent else None

    def related_news_and_topics(self, request):
        """(up to RELATED_LIMIT other items sharing a topic, ready for cards; the topics).

        For a saved item, the item's topics and the related items' are read
        together; in a preview, the topics being edited are on the page, not in
        the database.
        """
        if self.pk and not getattr(request, "is_preview", False):
            related = list(NewsPage.objects.related_to(self).cards(topics=False)[:RELATED_LIMIT])
            prefetch_related_objects([self, *related], "topics")
            return related, list(self.topics.all())
        topics = list(self.topics.all())
        return list(NewsPage.objects.related_to(self, topics).cards()[:RELATED_LIMIT]), topics

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        related, topics = self.related_news_and_topics(request)
        context.update(
            topics=topics,
            related_news=related,
            attachments=list(self.attachments.all().select_related("document")),
            related_partners=[partner for partner in self.related_partners.all() if partner.live],
            # The item's parent is the news index: its address, without asking the database.
            news_index_url=parent_url(self.get_url(request)) if self.path else "",
            press_room=self.press_room if self.is_press_release else None,
        )
        context.update(sharing_context(self, request, topics=topics))
        return context


class NewsAttachment(Orderable):
    """A file that goes with a news item: the release as PDF, a fact sheet…"""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    label = models.CharField(
        _("label"),
        max_length=200,
        blank=True,
        help_text=_("Leave blank to use the document's title."),
    )

    panels = ["document", "label"]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")

    def __str__(self):
        return self.label or self.document.title
