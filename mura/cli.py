"""The `mura` console script: every subcommand is a Django management command."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mura.settings")
    from django.core.management import (  # noqa: PLC0415 after the settings are chosen
        execute_from_command_line,
    )

    execute_from_command_line(["mura", *sys.argv[1:]])


if __name__ == "__main__":
    main()
