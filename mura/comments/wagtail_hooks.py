"""Moderation in Wagtail's admin: moderators see the comments of the institutions they
moderate (union administrators see all) and approve, reject or mark spam, one or many."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from mura.comments.admin_views import comment_approve
from mura.comments.models import Comment
from mura.comments.policies import MODERATOR_POLICY, approve_button_attrs
from mura.comments.services import comments_moderate
from mura.institutions.models import Role
from mura.institutions.permissions import institutions_for
from mura.portal.dashboard import DashboardAction, DashboardPanel, DashboardRow
from mura.portal.dates import format_local_datetime

DASHBOARD_ROWS = 8

register_permission_policy(Comment, MODERATOR_POLICY)

MODERATION_ACTIONS = [
    ("approve", Comment.Status.APPROVED, _("Approve")),
    ("reject", Comment.Status.REJECTED, _("Reject")),
    ("spam", Comment.Status.SPAM, _("Mark as spam")),
]


def moderation_url(action: str, comment: Comment, next_url: str) -> str:
    return (
        reverse("wagtail_bulk_action", args=("comments", "comment", action))
        + f"?id={comment.pk}&next={next_url}"
    )


class CommentIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        next_url = self.request.get_full_path()
        for priority, (action, status, label) in enumerate(MODERATION_ACTIONS):
            if action == "approve" and instance.status != status:
                url = reverse("comments_approve", args=(instance.pk,))
                buttons.append(
                    Button(
                        label,
                        url=url,
                        icon_name="tick",
                        attrs=approve_button_attrs(url),
                        priority=priority,
                    )
                )
            elif instance.status != status:
                buttons.append(
                    Button(
                        label,
                        url=moderation_url(action, instance, next_url),
                        priority=priority,
                    )
                )
        return buttons


class CommentEditView(EditView):
    """Only the status is edited; the change goes through the moderation service."""

    def get_object(self, queryset=None):
        comment = super().get_object(queryset)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", comment
        ):
            raise Http404
        return comment

    def save_instance(self):
        comments_moderate(
            comments=[self.object],
            status=self.form.cleaned_data["status"],
            user=self.request.user,
        )
        self.object.refresh_from_db()
        return self.object


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    list_display = [
        "name",
        "body",
        Column("target", label=capfirst(_("commented on"))),
        "institution",
        "status",
        "created_at",
    ]
    list_filter = ["status", "institution"]
    search_fields = ["name", "body"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("status"),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("body", read_only=True),
        FieldPanel("institution", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("moderated_by", read_only=True),
        FieldPanel("moderated_at", read_only=True),
    ]

    def get_queryset(self, request):
        return (
            MODERATOR_POLICY.instances_user_has_permission_for(request.user, "change")
            .select_related("institution", "content_type")
            .prefetch_related("target")
        )


register_snippet(CommentViewSet)


class ModerateBulkAction(SnippetBulkAction):
    models = [Comment]
    template_name = "comments/admin/confirm_bulk_moderate.html"
    status: Comment.Status

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        return comments_moderate(comments=objects, status=cls.status, user=user), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "action_label": self.display_name}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d comment moderated.",
            "%(count)d comments moderated.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


@hooks.register("register_bulk_action")
class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected comments")
    action_priority = 10
    status = Comment.Status.APPROVED


@hooks.register("register_bulk_action")
class RejectBulkAction(ModerateBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected comments")
    action_priority = 20
    status = Comment.Status.REJECTED


@hooks.register("register_bulk_action")
class SpamBulkAction(ModerateBulkAction):
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark the selected comments as spam")
    action_priority = 30
    status = Comment.Status.SPAM


@hooks.register("register_admin_urls")
def register_comment_admin_urls():
    return [
        path("comments/<int:pk>/approve/", comment_approve, name="comments_approve"),
    ]


@hooks.register("construct_homepage_panels")
def add_comments_panel(request, panels):
    """Comments waiting for moderation in the moderator's institutions."""
    if not institutions_for(request.user, Role.MODERATOR).exists():
        return
    waiting = MODERATOR_POLICY.instances_user_has_permission_for(
        request.user, "change"
    ).filter(status=Comment.Status.PENDING)
    rows = [
        DashboardRow(
            label=f"{comment.name}: {Truncator(comment.body).words(12)}",
            url=reverse("wagtailsnippets_comments_comment:edit", args=(comment.pk,)),
            details=(
                str(comment.target or ""),
                format_local_datetime(comment.created_at),
            ),
            actions=(
                DashboardAction(
                    label=gettext("Approve"),
                    url=reverse("comments_approve", args=(comment.pk,)),
                    post=True,
                ),
            ),
        )
        for comment in waiting.select_related("content_type").prefetch_related(
            "target"
        )[:DASHBOARD_ROWS]
    ]
    panels.append(
        DashboardPanel(
            name="comments-waiting",
            heading=gettext("Comments waiting for moderation (%(count)d)")
            % {"count": waiting.count()},
            rows=rows,
            empty=gettext("No comment is waiting for moderation."),
            order=50,
            more_url=reverse("wagtailsnippets_comments_comment:list")
            + "?status=pending",
            more_label=gettext("All comments waiting"),
        )
    )
