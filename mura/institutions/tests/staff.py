"""A staff member of one institution signing in to the admin in a browser walk."""

from django.contrib.auth.models import User
from wagtail.users.models import UserProfile

from mura.conftest import Walk
from mura.institutions.models import Institution, Role
from mura.institutions.services import membership_grant
from mura.institutions.tests.factories import UserFactory

PASSWORD = "correct horse battery staple"


def staff_member(
    *, institution: Institution, role: Role, username: str, language: str = "ru"
) -> User:
    """A member whose admin speaks `language` (Account → Preferences, as staff choose it)."""
    user = UserFactory(username=username)
    membership_grant(user=user, institution=institution, role=role)
    return admin_language(user, language)


def admin_language(user: User, language: str) -> User:
    """`user` has chosen `language` for the admin (Account → Preferences); without a
    choice the admin speaks Kazakh."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def admin_sign_in(walk: Walk, user: User) -> None:
    """Sign in through Wagtail's form; the admin speaks the browser's language."""
    walk.page.goto(f"{walk.base_url}/admin/login/")
    walk.page.locator("#id_username").fill(user.username)
    walk.page.locator("#id_password").fill(PASSWORD)
    walk.page.locator("form button[type=submit]").first.click()
    walk.page.wait_for_url(f"{walk.base_url}/admin/")


def cut_menu_labels(walk: Walk) -> list[str]:
    """The admin menu's labels that do not fit their line and end in an ellipsis."""
    return walk.page.locator(".sidebar-main-menu .menuitem-label").evaluate_all(
        "labels => labels.filter(l => l.scrollWidth > l.clientWidth)"
        ".map(l => l.textContent)"
    )


def header_title_cut(walk: Walk) -> bool:
    """Whether the admin header's title (its last breadcrumb) runs past the edge of its
    bar or of the window, so that the person reads only its first letters."""
    return walk.page.locator(".w-slim-header .w-breadcrumbs").evaluate(
        """bar => {
            const title = bar.querySelector("li:last-child").getBoundingClientRect();
            const frame = bar.getBoundingClientRect();
            return title.right > Math.min(frame.right, window.innerWidth) + 1
                || title.left < frame.left - 1;
        }"""
    )
