"""Issue 18's tile benchmark: IIIF tiles served by `mura serve`, cold (drawn on request)
and cached, beside a static file from the same server in the same run.

    .venv/bin/python bench/iiif_bench.py --port 8160 --megapixels 24

It makes a fresh SQLite data folder, creates a public record with one generated
photograph of the given size, starts `mura serve` and asks for every tile its
info.json describes, first once each (cold: drawn and stored), then again from
--threads threads (cached), then a static file the same number of times from as many
threads. It prints a JSON summary with tiles/s and the ratio of cached tiles to the
static file (target: at least 0.5)."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mura.iiif.tiles import tile_requests  # noqa: E402 (the checkout, not an installed copy)

MURA = [sys.executable, "-m", "mura.cli"]
CREATE_RECORD = """
import io, django
django.setup()
from django.core.files.images import ImageFile
from PIL import Image as PILImage, ImageDraw
from wagtail.images.models import Image
from mura.catalog.models import DigitalFile
from mura.catalog.services import resource_create
from mura.institutions.models import Institution

width, height = {width}, {height}
picture = PILImage.effect_mandelbrot((width, height), (-2.2, -1.3, 1.0, 1.3), 200).convert("RGB")
draw = ImageDraw.Draw(picture)
for x in range(0, width, 97):
    draw.line([(x, 0), (x, height)], fill=(170, 40, 40), width=2)
buffer = io.BytesIO()
picture.save(buffer, "JPEG", quality=90)
institution, _ = Institution.objects.get_or_create(
    slug="bench-museum", defaults={{"kind": "museum", "name_kk": "Бенчмарк мұражайы"}}
)
record = resource_create(institution=institution, kind="photo", data={{"title": "Бенчмарк суреті"}})
image = Image.objects.create(title="Бенчмарк", file=ImageFile(buffer, name="bench.jpg"))
DigitalFile.objects.create(resource=record, image=image)
print(image.pk)
"""


def get(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as answer:  # noqa: S310 (127.0.0.1 only)
        return answer.read()


def rate(urls: list[str], threads: int) -> float:
    """Answers per second for these addresses, shared out among threads."""
    chunks = [urls[index::threads] for index in range(threads)]
    workers = [
        threading.Thread(target=lambda chunk=chunk: [get(url) for url in chunk])
        for chunk in chunks
    ]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return len(urls) / (time.perf_counter() - started)


def tile_urls(base: str, info: dict) -> list[str]:
    return [
        f"{base}/{region}/{size}/0/default.jpg"
        for region, size in tile_requests(info["width"], info["height"])
    ]


def run(*, port: int, megapixels: float, threads: int, repeat: int) -> dict:
    data_dir = Path(tempfile.mkdtemp(prefix="mura-iiif-bench-"))
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
        },
        "MURA_DATA_DIR": str(data_dir),
        "MURA_DEMO": "1",
        "MURA_RATELIMITS": "off",
        # The benchmark measures drawing on request, not the worker drawing ahead.
        "MURA_TASK_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    }
    subprocess.run([*MURA, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    width = int((megapixels * 1_000_000 * 3 / 2) ** 0.5)
    height = width * 2 // 3
    created = subprocess.run(
        [sys.executable, "-c", CREATE_RECORD.format(width=width, height=height)],
        env={**env, "DJANGO_SETTINGS_MODULE": "mura.settings"},
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    image_id = int(created.stdout.split()[-1])
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*MURA, "serve", "--port", str(port), "--no-worker"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=(data_dir / "serve.log").open("w"),
    )
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                get(base + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.5)
        service = f"{base}/iiif/3/{image_id}"
        info = json.loads(get(service + "/info.json"))
        tiles = tile_urls(service, info)
        cold = rate(tiles, threads)
        cached = rate(tiles * repeat, threads)
        static = rate([base + "/static/iiif/viewer.css"] * len(tiles) * repeat, threads)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {
        "image": f"{info['width']}x{info['height']}",
        "tiles": len(tiles),
        "threads": threads,
        "cold_tiles_per_s": round(cold, 1),
        "cached_tiles_per_s": round(cached, 1),
        "static_file_per_s": round(static, 1),
        "cached_to_static": round(cached / static, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8160)
    parser.add_argument("--megapixels", type=float, default=24)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    result = run(
        port=args.port,
        megapixels=args.megapixels,
        threads=args.threads,
        repeat=args.repeat,
    )
    print(json.dumps(result, indent=2))
    if result["cached_to_static"] < 0.5:
        sys.exit(1)


if __name__ == "__main__":
    main()
