"""Panels of the admin's dashboard: each app adds what its staff need today through
Wagtail's `construct_homepage_panels` hook, as rows of one shared table."""

from dataclasses import dataclass, field

from wagtail.admin.ui.components import Component


@dataclass(frozen=True)
class DashboardAction:
    """A button on a row; `post` makes it send a POST (with the CSRF token)."""

    label: str
    url: str
    post: bool = False


@dataclass(frozen=True)
class DashboardRow:
    label: str
    url: str = ""
    details: tuple[str, ...] = ()
    actions: tuple[DashboardAction, ...] = field(default=())


class DashboardPanel(Component):
    """A titled table of rows with a link to the full listing; says so when empty."""

    template_name = "portal/admin/dashboard_panel.html"

    def __init__(
        self,
        *,
        name: str,
        heading: str,
        rows: list[DashboardRow],
        empty: str,
        order: int,
        more_url: str = "",
        more_label: str = "",
    ) -> None:
        self.name = name
        self.heading = heading
        self.rows = rows
        self.empty = empty
        self.order = order
        self.more_url = more_url
        self.more_label = more_label

    def get_context_data(self, parent_context=None):
        return {"panel": self}
