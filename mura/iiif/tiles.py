"""The tile grid the Image API publishes, without Django: the service, the task that draws
tiles ahead and the benchmark all walk the same tiles."""

TILE_SIZE = 512


def scale_factors(width: int, height: int) -> list[int]:
    """Powers of two, until one tile holds the whole image."""
    factors = [1]
    while max(width, height) / factors[-1] > TILE_SIZE:
        factors.append(factors[-1] * 2)
    return factors


def tile_requests(width: int, height: int) -> list[tuple[str, str]]:
    """(region, size) of every tile the published tile sizes describe."""
    requests = []
    for factor in scale_factors(width, height):
        step = TILE_SIZE * factor
        for y in range(0, height, step):
            for x in range(0, width, step):
                w, h = min(step, width - x), min(step, height - y)
                out_w, out_h = -(-w // factor), -(-h // factor)
                requests.append((f"{x},{y},{w},{h}", f"{out_w},{out_h}"))
    return requests
