import pytest
from wagtail.models import Locale, Page

from coalition_site.models import HomePage


def translate(page, parent, **fields):
    """Add a Spanish translation of `page` under `parent`, published, with `fields` set."""
    spanish = Locale.objects.get(language_code="es")
    specific = page.specific
    model = type(specific)
    copy = model(
        title=fields.pop("title", f"{specific.title} (es)"),
        slug=fields.pop("slug", specific.slug),
        locale=spanish,
        translation_key=specific.translation_key,
        **fields,
    )
    parent.add_child(instance=copy)
    copy.save_revision().publish()
    return model.objects.get(pk=copy.pk)


@pytest.fixture
def es_home(home):
    """The Spanish home page: a translation of `home`, its sibling under the tree root."""
    return translate(
        home,
        Page.get_first_root_node(),
        title="Inicio",
        slug="inicio",
        hero_heading="Juntos contra la trata de personas",
    )


@pytest.fixture
def spanish():
    return Locale.objects.get(language_code="es")


__all__ = ["HomePage", "translate"]
