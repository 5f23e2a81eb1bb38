"""Who may moderate which comments: the institution's moderators (union admins: all)."""

from mura.comments.models import Comment
from mura.institutions.models import Role
from mura.institutions.policies import InstitutionRolePolicy

# Readers write comments; staff only view and moderate them.
MODERATOR_POLICY = InstitutionRolePolicy(
    Comment, role=Role.MODERATOR, institution="institution", denied_actions={"add"}
)


def approve_button_attrs(url: str) -> dict[str, str]:
    """A button that POSTs to `url` (Wagtail's action controller adds the CSRF token
    and the page to come back to)."""
    return {
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": url,
    }
