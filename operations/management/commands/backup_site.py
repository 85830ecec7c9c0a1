from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and the local media folder into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", default="backups", help="folder for the archive")

    def handle(self, *args, output, **options):
        try:
            archive = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
