import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse

from mura.portal.addresses import absolute_url


class Command(BaseCommand):
    help = "Create the administrator account (once) and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, **options):
        User = get_user_model()
        password_file = settings.DATA_DIR / "admin-password.txt"
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(
                options["username"], options["email"], password
            )
            settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        elif password_file.exists():
            password = password_file.read_text().strip()
        else:
            password = "(unchanged; set it with `mura changepassword admin`)"  # noqa: S105 - a message, not a password
        self.stdout.write(
            f"Admin login: {options['username']} / {password}  ->  "
            + absolute_url(reverse("wagtailadmin_home"))
        )
