from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from coalition_site.blocks import RICH_TEXT_FEATURES
from coalition_site.models import BasePage, ListingPage, ManagedList, phone_href

from .choices import Sector
from .filters import PartnerFilter
from .querysets import PartnerPageQuerySet


@register_snippet
class Service(ManagedList):
    emergency = models.BooleanField(
        _("emergency help"),
        default=False,
        help_text=_("Partners offering this service are listed on the Get help page."),
    )

    panels = ManagedList.panels + ["emergency"]

    class Meta(ManagedList.Meta):
        verbose_name = _("service")


@register_snippet
class Population(ManagedList):
    class Meta(ManagedList.Meta):
        verbose_name = _("population served")
        verbose_name_plural = _("populations served")


@register_snippet
class ServiceArea(ManagedList):
    class Meta(ManagedList.Meta):
        verbose_name = _("service area")


class PartnerIndexPage(ListingPage):
    """The directory: every partner as a card, filterable."""

    subpage_types = ["partners.PartnerPage"]
    filterset_class = PartnerFilter
    per_page = 24

    class Meta:
        verbose_name = _("partner directory")

    def listed_items(self):
        return PartnerPage.objects.child_of(self).visible()


class PartnerPage(BasePage):
    """One organization's profile, kept current by that organization."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_alt_text = models.CharField(
        _("logo alt text"),
        max_length=200,
        blank=True,
        help_text=_("What the logo says, usually the organization's name."),
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    services = ParentalManyToManyField(Service, blank=True, related_name="partners")
    populations = ParentalManyToManyField(
        Population, blank=True, related_name="partners", verbose_name=_("populations served")
    )
    languages = ParentalManyToManyField(
        "coalition_site.Language",
        blank=True,
        related_name="partners",
        verbose_name=_("languages spoken"),
    )
    service_areas = ParentalManyToManyField(ServiceArea, blank=True, related_name="partners")
    description = RichTextField(features=RICH_TEXT_FEATURES, blank=True)
    how_to_get_help = RichTextField(
        _("how to get help"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What someone should do to reach you, and what happens then."),
    )
    website = models.URLField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    hours = models.TextField(blank=True, help_text=_("For example: Monday to Friday, 9am–5pm."))
    open_24_7 = models.BooleanField(_("open 24/7"), default=False)
    featured = models.BooleanField(
        _("feature on the home page"),
        default=False,
        help_text=_("Coalition editors choose which partners the home page shows."),
    )
    last_reviewed = models.DateField(
        _("profile last reviewed"),
        null=True,
        blank=True,
        help_text=_("The date someone last checked that everything here is still true."),
    )

    content_panels = Page.content_panels + [
        "summary",
        FieldRowPanel(["logo", "logo_alt_text"], heading=_("Logo")),
        "sector",
        MultiFieldPanel(
            [
                FieldPanel("services", widget=CheckboxSelectMultiple),
                FieldPanel("populations", widget=CheckboxSelectMultiple),
                FieldPanel("languages", widget=CheckboxSelectMultiple),
                FieldPanel("service_areas", widget=CheckboxSelectMultiple),
            ],
            heading=_("What you offer and where"),
        ),
        "description",
        "how_to_get_help",
        MultiFieldPanel(
            ["website", "phone", "email", "address", "hours", "open_24_7"],
            heading=_("Contact"),
        ),
        FieldPanel(
            "last_reviewed",
            read_only=True,
            help_text=_("Set on the day a coalition editor publishes the profile."),
        ),
        FieldPanel("featured", permission="partners.feature_partner"),
    ]
    # The summary is on the content tab for partners, so it is not repeated here.
    promote_panels = Page.promote_panels + ["listing_image"]
    search_fields = BasePage.search_fields + [
        index.SearchField("description"),
        index.SearchField("how_to_get_help"),
        index.FilterField("sector"),
        index.FilterField("open_24_7"),
        index.RelatedFields("services", [index.SearchField("name")]),
    ]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(PartnerPageQuerySet)()

    class Meta:
        verbose_name = _("partner")
        permissions = [
            ("feature_partner", "Can feature a partner on the home page"),
            ("manage_partner_accounts", "Can invite, resend and deactivate partner accounts"),
        ]

    def clean(self):
        super().clean()
        if self.logo_id and not self.logo_alt_text.strip():
            raise ValidationError(
                {"logo_alt_text": _("Describe the logo for people who cannot see it.")}
            )

    @property
    def logo_alt(self):
        return self.logo_alt_text or self.title

    @property
    def phone_href(self):
        return phone_href(self.phone)


class ReviewReminder(models.Model):
    """A review reminder already sent, so that a daily run never sends it twice.

    One row per profile, kind and review period; the period is named by its due
    date (last reviewed + a year), so a new review starts a new period.
    """

    PARTNER = "partner"
    OVERDUE = "overdue"
    KIND_CHOICES = [
        (PARTNER, _("reminder to the partner")),
        (OVERDUE, _("overdue notice to the editors")),
    ]

    page = models.ForeignKey(PartnerPage, on_delete=models.CASCADE, related_name="review_reminders")
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    due_date = models.DateField(_("review due"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "kind", "due_date"], name="unique_review_reminder"
            ),
        ]

    def __str__(self):
        return f"{self.page} {self.kind} {self.due_date}"
