"""A minimal stock Wagtail site: the baseline Mura's article page is measured against
(bench/page_speed.py). One page model — title, date, rich-text body, tags — and a plain
template, with Wagtail's defaults everywhere else."""
