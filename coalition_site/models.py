import logging
import re

from django.db import models
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import BodyBlock, KeyFigureBlock
from .forms import TOO_MANY, ProtectedFormBuilder, over_rate_limit
from .listing import listing_context

logger = logging.getLogger(__name__)


def phone_href(number):
    """A `tel:` address for a number as people write it (1-888-373-7888 → tel:+18883737888)."""
    digits = re.sub(r"\D", "", number or "")
    if len(digits) == 11 and digits.startswith("1"):
        return f"tel:+{digits}"
    if len(digits) == 10:
        return f"tel:+1{digits}"
    return f"tel:{digits}"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Contact, footer, social links and the share image (the hotline: safety.SafetySettings)."""

    share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when a page without its own image is shared on social media."),
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    contact_address = models.TextField(blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)

    panels = [
        "share_image",
        MultiFieldPanel(
            ["contact_email", "contact_phone", "contact_address"],
            heading=_("Contact and footer"),
        ),
        MultiFieldPanel(
            ["facebook_url", "instagram_url", "x_url", "youtube_url", "linkedin_url"],
            heading=_("Social links"),
        ),
    ]

    # Read with the settings in the same query (the share image).
    select_related = ["share_image"]

    class Meta:
        verbose_name = _("site settings")

    @property
    def contact_phone_href(self):
        return phone_href(self.contact_phone)

    @property
    def social_links(self):
        names = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in names if url]


@register_snippet
class FooterText(TranslatableMixin, models.Model):
    """The sentence or two under every page's footer, written once per language.

    Editors translate it like any snippet (Translate, in the snippet's menu); a
    language without its translation yet shows the default language's text.
    """

    text = models.TextField(_("text"))

    panels = ["text"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return self.text[:60]


class BasePage(Page):
    """Fields every content page shares for listings, cards and social sharing."""

    summary = models.TextField(
        blank=True,
        max_length=400,
        help_text=_("One or two sentences for cards, search results and link previews."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and when the page is shared."),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(["summary", "listing_image"], heading=_("Listings and sharing")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or self.summary


class HomePage(BasePage):
    hero_heading = models.CharField(max_length=200)
    hero_intro = models.TextField(blank=True)
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("call to action page"),
    )
    hero_link_label = models.CharField(_("call to action label"), max_length=60, blank=True)
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        max_num=6,
        help_text=_("Numbers worth knowing, such as the arrests of the last Operation Hot Spots."),
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            ["hero_heading", "hero_intro", "hero_link_page", "hero_link_label"],
            heading=_("Hero"),
        ),
        "key_figures",
        "body",
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "coalition_site.StandardPage",
        "coalition_site.FormPage",
        "partners.PartnerIndexPage",
        "news.NewsIndexPage",
        "podcasts.PodcastIndexPage",
        "resources.ResourceIndexPage",
        "safety.GetHelpPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(BasePage):
    introduction = models.TextField(blank=True)
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + ["introduction", "body"]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["coalition_site.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("standard page")


class ListingPage(BasePage):
    """An index page that lists its children as cards, a page at a time, maybe filtered.

    A subclass says what it lists, `listed_items()` (a `ListingQuerySet` of what
    a reader may see), and how: `filterset_class` (a `ListingFilter`, or None)
    and `per_page`. `coalition_site.listing.listing_context` does the rest.
    """

    introduction = models.TextField(blank=True)

    content_panels = Page.content_panels + ["introduction"]
    parent_page_types = ["coalition_site.HomePage"]
    max_count_per_parent = 1
    filterset_class = None
    per_page = 12

    class Meta:
        abstract = True

    def listed_items(self):
        raise NotImplementedError(f"{type(self).__name__} must say what it lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            listing_context(request, self.listed_items(), self.filterset_class, self.per_page)
        )
        return context


class ManagedList(TranslatableMixin, models.Model):
    """A term in a list editors maintain (a service, a topic, a language…).

    Pages point at these rather than repeating free text, so a directory or
    library can be filtered by them. The slug is what appears in filter URLs.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        allow_unicode=True,
        help_text=_("Used in shareable filter addresses. Leave blank to make one from the name."),
    )

    panels = ["name", "slug"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="%(app_label)s_%(class)s_unique_slug"
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.fill_slug()
        super().save(*args, **kwargs)

    def clean(self):
        self.fill_slug()
        super().clean()

    def fill_slug(self):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:100]


@register_snippet
class Language(ManagedList):
    """A language a partner speaks or a resource is written in."""

    class Meta(ManagedList.Meta):
        verbose_name = _("language")


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


DEFAULT_PRIVACY_NOTE = (
    "<p>We keep what you send in our website's database so coalition staff can answer you. "
    "Only coalition staff can read it, and we do not share it. We do not store your internet "
    "address. This page sets one cookie, so that no other website can send this form in your "
    "name; it is deleted when you close your browser, unless the browser is set to reopen "
    "your tabs.</p>"
)


class FormPage(AbstractEmailForm):
    """A form editors build: saved first, then emailed, protected from spam without tracking."""

    form_builder = ProtectedFormBuilder

    introduction = models.TextField(blank=True)
    privacy_note = RichTextField(
        features=["bold", "italic", "link"],
        default=DEFAULT_PRIVACY_NOTE,
        help_text=_("What is stored, and who reads it. Shown next to the send button."),
    )
    thank_you_text = RichTextField(
        features=["bold", "italic", "link", "ul"],
        blank=True,
        help_text=_("Shown after a message is sent."),
    )

    content_panels = AbstractEmailForm.content_panels + [
        "introduction",
        InlinePanel("form_fields", label=_("Form fields")),
        "privacy_note",
        "thank_you_text",
        MultiFieldPanel(
            [FieldRowPanel(["from_address", "to_address"]), "subject"],
            heading=_("Email to staff"),
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["coalition_site.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("form page")

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_valid():
                if over_rate_limit(request):
                    form.add_error(None, TOO_MANY)
                    return self.render_form(request, form, status=429)
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            return self.render_form(request, form, status=400)
        return self.render_form(request, self.get_form(page=self, user=request.user))

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def send_mail(self, form):
        # The submission is already saved; a mail failure must not lose it or
        # show the visitor an error.
        try:
            super().send_mail(form)
        except Exception:
            logger.exception("Could not email the submission to %s for %s", self.to_address, self)
