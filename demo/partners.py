"""The demo partner directory: the agencies named in the coalition's public material, described
only with what that material says, and invented community partners marked as samples.

The text is in content/en/partners.toml and content/es/partners.toml.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale

from coalition_site.models import Language
from partners.models import PartnerIndexPage, PartnerPage, Population, Service, ServiceArea

from .content import read

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
    model = type(term)
    existing = model.objects.filter(translation_key=term.translation_key, locale=locale).first()
    if existing is not None:
        return existing
    extra = {"emergency": term.emergency} if isinstance(term, Service) else {}
    names = read("es", "partners")["terms"]
    return model.objects.create(
        name=names.get(term.name, term.name),
        translation_key=term.translation_key,
        locale=locale,
        **extra,
    )


def load_spanish(home, es_home):
    """The Spanish directory and every partner in Spanish, once."""
    content = read("es", "partners")
    locale = es_home.locale
    directory = PartnerIndexPage.objects.child_of(home).first()
    if directory is None or directory.has_translation(locale):
        return
    es_directory = PartnerIndexPage(
        translation_key=directory.translation_key,
        locale=locale,
        show_in_menus=directory.show_in_menus,
        **content["directory"],
    )
    es_home.add_child(instance=es_directory)
    translations = {spec["translation_of"]: spec for spec in content["partners"]}
    sources = PartnerPage.objects.child_of(directory).prefetch_related(*TERM_MODELS)
    for source in sources:
        spec = translations.get(source.slug)
        if spec is None:
            continue
        partner = PartnerPage(
            translation_key=source.translation_key,
            locale=locale,
            title=spec.get("title", source.title),
            slug=source.slug,
            sector=source.sector,
            summary=spec["summary"],
            description=spec["description"],
            website=source.website,
            phone=source.phone,
            email=source.email,
            open_24_7=source.open_24_7,
            featured=source.featured,
            last_reviewed=source.last_reviewed,
        )
        for kind in TERM_MODELS:
            terms = getattr(source, kind).all()
            setattr(partner, kind, [spanish_term(term, locale) for term in terms])
        es_directory.add_child(instance=partner)
