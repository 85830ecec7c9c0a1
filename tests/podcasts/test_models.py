import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from coalition_site.models import HomePage
from podcasts.models import PodcastEpisodePage, PodcastIndexPage
from tests.factories import PodcastArtworkFactory, PodcastIndexPageFactory, podcast_image_file


def artwork(width, height=None, image_format="PNG", name="artwork.png"):
    return PodcastArtworkFactory(
        file=podcast_image_file(width, height or width, image_format=image_format, name=name)
    )


def validate(show):
    """full_clean for a show not yet in the tree (tree fields excluded)."""
    show.full_clean(exclude=["path", "depth"])


def artwork_errors(show):
    with pytest.raises(ValidationError) as raised:
        show.full_clean()
    return " ".join(raised.value.message_dict["artwork"])


@pytest.mark.django_db
def test_small_artwork_is_refused_with_a_clear_message(home):
    show = PodcastIndexPageFactory.build(artwork=artwork(500))
    message = artwork_errors(show)
    assert "between 1400 and 3000 pixels wide" in message
    assert "this image is 500 pixels" in message


@pytest.mark.django_db
@pytest.mark.parametrize(
    "image, expected",
    [
        (lambda: artwork(1400, 1500), "must be square; this image is 1400 × 1500 pixels"),
        (lambda: artwork(3100), "this image is 3100 pixels"),
        (lambda: artwork(1400, image_format="GIF", name="a.gif"), "JPEG or PNG artwork only"),
    ],
)
def test_artwork_that_podcast_apps_refuse(home, image, expected):
    show = PodcastIndexPageFactory.build(artwork=image())
    assert expected in artwork_errors(show)


@pytest.mark.django_db
@pytest.mark.parametrize("size, fmt, name", [(1400, "PNG", "a.png"), (3000, "JPEG", "a.jpg")])
def test_square_jpeg_or_png_artwork_is_accepted(home, size, fmt, name):
    show = PodcastIndexPageFactory.build(artwork=artwork(size, image_format=fmt, name=name))
    validate(show)  # no error
    home.add_child(instance=show)
    assert show.live


@pytest.mark.django_db
def test_a_published_show_needs_artwork(home):
    show = PodcastIndexPageFactory.build(artwork=None)
    with pytest.raises(ValidationError) as raised:
        show.full_clean()
    assert "artwork" in raised.value.message_dict


@pytest.mark.django_db
def test_subcategory_must_belong_to_the_category(home):
    show = PodcastIndexPageFactory.build(category="News", subcategory="Documentary")
    with pytest.raises(ValidationError) as raised:
        show.full_clean()
    assert raised.value.message_dict["subcategory"] == [
        "“Documentary” is not a subcategory of “News”."
    ]
    show.subcategory = "Politics"
    validate(show)
    show.category, show.subcategory = "Government", ""
    validate(show)


@pytest.mark.django_db
def test_unknown_category_is_refused(home):
    show = PodcastIndexPageFactory.build(category="Cooking", subcategory="")
    with pytest.raises(ValidationError) as raised:
        show.full_clean()
    assert "category" in raised.value.message_dict


@pytest.mark.django_db
def test_video_must_be_a_youtube_address(show, add_episode):
    episode = add_episode(audio=None)
    episode.video_url = "https://vimeo.com/12345"
    with pytest.raises(ValidationError) as raised:
        episode.full_clean()
    assert "YouTube" in " ".join(raised.value.message_dict["video_url"])
    episode.video_url = "https://youtu.be/G51vo2oVVwE"
    episode.full_clean()
    assert episode.video["embed_url"].startswith(
        "https://www.youtube-nocookie.com/embed/G51vo2oVVwE"
    )


@pytest.mark.django_db
def test_guid_is_set_once_and_survives_edits_and_revisions(show, add_episode):
    episode = add_episode(title="First")
    guid = episode.guid
    assert guid is not None
    episode.title = "Second"
    episode.save_revision().publish()
    revision = episode.save_revision()
    revision.publish()
    assert PodcastEpisodePage.objects.get(pk=episode.pk).guid == guid
    assert revision.as_object().guid == guid


@pytest.mark.django_db
def test_a_copied_episode_gets_its_own_guid(show, add_episode):
    episode = add_episode()
    copy = episode.copy(update_attrs={"slug": "copy", "title": "Copy"})
    assert copy.guid != episode.guid


@pytest.mark.django_db
def test_page_tree_rules(home, show):
    assert PodcastIndexPage in HomePage.allowed_subpage_models()
    assert PodcastIndexPage.allowed_subpage_models() == [PodcastEpisodePage]
    assert PodcastEpisodePage.allowed_subpage_models() == []
    # More than one show is allowed.
    assert PodcastIndexPage.can_create_at(home)
    assert not PodcastEpisodePage.can_create_at(home)
    assert not PodcastIndexPage.can_create_at(Page.get_first_root_node())
