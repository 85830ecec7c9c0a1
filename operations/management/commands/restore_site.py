from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and the local media folder with a backup_site archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask first"
        )

    def handle(self, *args, archive, interactive, **options):
        if interactive:
            answer = input(
                "This replaces everything in the database (and local media) with the "
                f"contents of {archive}. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest, media = restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the database from the backup of {manifest['created']}"
            + (" and the media files." if media else ".")
        )
