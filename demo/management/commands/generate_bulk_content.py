"""Sample content in bulk, to measure the site at the size it will grow to (see benchmarks/).

Adds, under the demo site (run `load_demo_content` first), up to 100 partners,
2,000 news items, 200 podcast episodes and 500 resources, every one of them
titled "Sample …": none of it is true. Counts already reached are left alone,
so running it again adds nothing. Images and audio are made here, offline.
On PostgreSQL the database is analyzed at the end, so the planner's statistics
describe the site at its new size before anything is measured.
"""

import datetime
import itertools

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale

from coalition_site.models import HomePage, Language
from demo.audio import silence
from demo.images import make_plain_image
from news.models import NewsIndexPage, NewsKind, NewsPage
from news.models import Topic as NewsTopic
from partners.models import PartnerIndexPage, PartnerPage, Sector, Service
from podcasts.models import AudioFile, PodcastEpisodePage, PodcastIndexPage
from resources.models import Audience, ResourceIndexPage, ResourcePage, ResourceType
from resources.models import Topic as ResourceTopic

COLOURS = ["#1d3557", "#457b9d", "#2a9d8f", "#e9c46a", "#e76f51", "#6d597a", "#355070", "#b56576"]


class Command(BaseCommand):
    help = (
        "Add sample partners, news, podcast episodes and resources in bulk (for benchmarks). "
        "Run load_demo_content first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partners", type=int, default=100)
        parser.add_argument("--news", type=int, default=2000)
        parser.add_argument("--episodes", type=int, default=200)
        parser.add_argument("--resources", type=int, default=500)

    def handle(self, *args, **options):
        # The English site: bulk content is not translated.
        home = HomePage.objects.filter(locale=Locale.get_default()).first()
        if home is None:
            raise CommandError("No home page: run `manage.py load_demo_content` first.")
        self.images = [self.make_image(n) for n in range(len(COLOURS))]
        self.add_partners(home, options["partners"])
        self.add_news(home, options["news"])
        self.add_episodes(home, options["episodes"])
        self.add_resources(home, options["resources"])
        analyze()
        self.stdout.write(self.style.SUCCESS("Bulk content ready."))

    # ------------------------------------------------------------ helpers

    def make_image(self, number):
        return make_plain_image(
            f"Sample bulk image {number}", f"sample-bulk-{number}.jpg", COLOURS[number]
        )

    def progress(self, label, done, total):
        ending = "\n" if done == total else ""
        self.stdout.write(f"\r{label}: {done}/{total}", ending=ending)
        self.stdout.flush()

    def fill(self, label, parent, model, total, make):
        """Add children made by `make(n)` under `parent` until it has `total` sample ones."""
        existing = model.objects.child_of(parent).filter(slug__startswith="sample-bulk-").count()
        if existing >= total:
            self.stdout.write(f"{label}: {existing} already there")
            return
        for number in range(existing, total):
            parent.add_child(instance=make(number))
            if (number + 1) % 25 == 0 or number + 1 == total:
                self.progress(label, number + 1, total)

    # ------------------------------------------------------------ content

    def add_partners(self, home, total):
        directory = PartnerIndexPage.objects.child_of(home).first()
        if directory is None:
            raise CommandError("No partner directory: run `manage.py load_demo_content` first.")
        services = itertools.cycle(list(Service.objects.all()) or [None])
        languages = list(Language.objects.all())
        sectors = itertools.cycle(Sector.values)
        images = itertools.cycle(self.images)

        def make(number):
            partner = PartnerPage(
                title=f"Sample partner {number:03d}",
                slug=f"sample-bulk-partner-{number:03d}",
                sector=next(sectors),
                summary="A sample organization made for load tests; it does not exist.",
                logo=next(images),
                logo_alt_text=f"Sample partner {number:03d}",
                open_24_7=number % 7 == 0,
            )
            partner.services = [s for s in (next(services), next(services)) if s]
            partner.languages = languages[: 1 + number % 3]
            return partner

        self.fill("partners", directory, PartnerPage, total, make)

    def add_news(self, home, total):
        index = NewsIndexPage.objects.child_of(home).first()
        if index is None:
            raise CommandError("No news index: run `manage.py load_demo_content` first.")
        topics = list(NewsTopic.objects.all())
        kinds = itertools.cycle([NewsKind.PRESS_RELEASE, NewsKind.ANNOUNCEMENT])
        images = itertools.cycle(self.images)
        today = timezone.localdate()

        def make(number):
            item = NewsPage(
                title=f"Sample news item {number:04d}",
                slug=f"sample-bulk-news-{number:04d}",
                kind=next(kinds),
                publication_date=today - datetime.timedelta(days=number),
                summary="A sample news item made for load tests; it did not happen.",
                image=next(images) if number % 2 == 0 else None,
                image_alt_text="A plain coloured rectangle" if number % 2 == 0 else "",
            )
            item.topics = topics[number % max(len(topics), 1) :][:2]
            return item

        self.fill("news", index, NewsPage, total, make)

    def add_episodes(self, home, total):
        show = PodcastIndexPage.objects.child_of(home).first()
        if show is None:
            raise CommandError("No podcast show: run `manage.py load_demo_content` first.")
        audio = AudioFile.objects.filter(title="Sample bulk audio").first()
        if audio is None:
            audio = AudioFile.objects.create(
                title="Sample bulk audio", file=ContentFile(silence(), name="sample-bulk.mp3")
            )
        images = itertools.cycle(self.images)
        now = timezone.now()

        def make(number):
            return PodcastEpisodePage(
                title=f"Sample episode {number:03d}",
                slug=f"sample-bulk-episode-{number:03d}",
                summary="A sample episode made for load tests.",
                publication_date=now - datetime.timedelta(days=number),
                episode_number=number + 1,
                audio=audio,
                listing_image=next(images),
                transcript="<p>A sample transcript.</p>" if number % 2 else "",
            )

        self.fill("episodes", show, PodcastEpisodePage, total, make)

    def add_resources(self, home, total):
        library = ResourceIndexPage.objects.child_of(home).first()
        if library is None:
            raise CommandError("No resource library: run `manage.py load_demo_content` first.")
        audiences = list(Audience.objects.all())
        topics = list(ResourceTopic.objects.all())
        languages = list(Language.objects.all())
        kinds = itertools.cycle(ResourceType.values)

        def make(number):
            resource = ResourcePage(
                title=f"Sample resource {number:03d}",
                slug=f"sample-bulk-resource-{number:03d}",
                resource_type=next(kinds),
                summary="A sample resource made for load tests.",
                link_url="https://example.org/sample",
            )
            resource.audiences = audiences[number % max(len(audiences), 1) :][:2]
            resource.topics = topics[number % max(len(topics), 1) :][:1]
            resource.languages = languages[: 1 + number % 2]
            return resource

        self.fill("resources", library, ResourcePage, total, make)


def analyze():
    """Refresh PostgreSQL's planner statistics after a bulk insert (autovacuum may lag)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
