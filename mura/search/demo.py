"""The search index of the demo: rebuilt from everything the other loaders created."""

from typing import TextIO

from mura.search.services import index_rebuild


def load(*, stdout: TextIO) -> None:
    counts = index_rebuild()
    seconds = counts.pop("seconds")
    stdout.write(f"  search index: {int(sum(counts.values()))} documents ({seconds} s)")
