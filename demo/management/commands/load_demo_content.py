from django.core.management.base import BaseCommand
from django.db import transaction

from coalition_site.models import HomePage
from demo import news, partners, podcasts, resources, site
from demo.dates import date_undated_pages
from demo.indexing import indexed_once

# Each content area's `load(home)`, in order: later ones link to partners.
CONTENT_LOADERS = [partners.load, podcasts.load, news.load, resources.load]


class Command(BaseCommand):
    help = (
        "Build the demo site from the coalition's public facts. Safe to run again: "
        "existing content is left alone. --reset deletes the site's pages and rebuilds them."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete every page under the home page, and the home page, then rebuild.",
        )

    def handle(self, *args, reset=False, **options):
        with transaction.atomic(), indexed_once():
            if reset:
                self.reset()
            home, created = site.load()
            for loader in CONTENT_LOADERS:
                loader(home)
            site.add_search_promotions(home)
            # In Spanish: translations of the home, safety and about pages, the library,
            # the news, the partner directory and the podcast (whose episodes name partners).
            es_home = site.load_spanish(home)
            resources.load_spanish(home, es_home)
            news.load_spanish(home, es_home)
            partners.load_spanish(home, es_home)
            podcasts.load_spanish(home, es_home)
            site.arrange_menu(home)
            site.link_about_pages(home)
        if created:
            date_undated_pages(HomePage.objects.filter(translation_key=home.translation_key))
            count = sum(
                each.get_descendants(inclusive=True).count()
                for each in HomePage.objects.filter(translation_key=home.translation_key)
            )
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {count} pages."))
        else:
            self.stdout.write("Demo content already present; nothing changed (use --reset).")

    def reset(self):
        for home in HomePage.objects.all():
            home.delete()
