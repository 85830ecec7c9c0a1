"""The demo partner directory: the agencies named in the coalition's public material, described
only with what that material says, and invented community partners marked as samples.

The text is in content/en/partners.toml and content/es/partners.toml.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Revision

from coalition_site.models import Language
from partners.models import PartnerIndexPage, PartnerPage, Population, Service, ServiceArea

from .content import read
from .site import add_snippet_translation, add_translation

# Term lists of a partner, and the model each one's names belong to.
TERM_MODELS = {
    "services": Service,
    "populations": Population,
    "languages": Language,
    "service_areas": ServiceArea,
}


def is_sample(slug):
    """Invented partners carry the word in their address and their name."""
    return slug.startswith("sample-")


def ensure_terms():
    """The English terms, by list and name (a Spanish term may share a name, as places do)."""
    english = Locale.get_default()
    terms = read("en", "partners")["terms"]
    found = {"services": {}}
    for spec in terms["services"]:
        found["services"][spec["name"]] = Service.objects.get_or_create(
            name=spec["name"], locale=english, defaults={"emergency": spec["emergency"]}
        )[0]
    for kind in ("populations", "languages", "service_areas"):
        model = TERM_MODELS[kind]
        found[kind] = {
            name: model.objects.get_or_create(name=name, locale=english)[0] for name in terms[kind]
        }
    return found


def load(home):
    """Add the partner directory under `home`, once."""
    if PartnerIndexPage.objects.child_of(home).exists():
        return
    content = read("en", "partners")
    terms = ensure_terms()
    directory = PartnerIndexPage(**content["directory"])
    home.add_child(instance=directory)
    reviewed = timezone.localdate() - datetime.timedelta(days=30)
    for spec in content["partners"]:
        fields = {name: value for name, value in spec.items() if name not in TERM_MODELS}
        # Only an invented profile says when it was last checked.
        partner = PartnerPage(last_reviewed=reviewed if is_sample(spec["slug"]) else None, **fields)
        for kind in TERM_MODELS:
            setattr(partner, kind, [terms[kind][name] for name in spec.get(kind, [])])
        directory.add_child(instance=partner)


# ---------------------------------------------------------------- en español
#
# The Spanish directory: translations of the English one and of every partner, with
# Spanish terms. Organizations keep their names; what is said about the real ones is
# still only what the public facts say.


def spanish_term(term, locale):
    """The Spanish translation of an English term, made once."""
    names = read("es", "partners")["terms"]
    return add_snippet_translation(term, locale, {"name": names.get(term.name, term.name)})


def load_spanish(home, es_home):
    """The Spanish directory and every partner in Spanish, once."""
    content = read("es", "partners")
    locale = es_home.locale
    directory = PartnerIndexPage.objects.child_of(home).first()
    if directory is None or directory.has_translation(locale):
        return
    add_translation(directory, locale, content["directory"])
    translations = {spec["translation_of"]: spec for spec in content["partners"]}
    sources = PartnerPage.objects.child_of(directory).prefetch_related(*TERM_MODELS)
    for source in sources:
        spec = translations.get(source.slug)
        if spec is None:
            continue
        fields = {name: spec[name] for name in ("title", "summary", "description") if name in spec}
        for kind in TERM_MODELS:
            fields[kind] = [spanish_term(term, locale) for term in getattr(source, kind).all()]
        keep_review_date(add_translation(source, locale, fields), source.last_reviewed)


def keep_review_date(partner, last_reviewed):
    """Give a translated profile its source's review date (none for a real organization).

    Publishing a profile marks it reviewed that day (partners/signals.py); the demo's
    translation is not a review. The date is set on the page and its live revision,
    from which the next draft is made.
    """
    PartnerPage.objects.filter(pk=partner.pk).update(last_reviewed=last_reviewed)
    revision = partner.live_revision
    revision.content["last_reviewed"] = last_reviewed.isoformat() if last_reviewed else None
    Revision.objects.filter(pk=revision.pk).update(content=revision.content)
