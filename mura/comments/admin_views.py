"""One-click moderation: a POST from the listing or the dashboard changes one comment."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from mura.comments.models import Comment
from mura.comments.policies import MODERATOR_POLICY
from mura.comments.services import comments_moderate


@require_POST
def comment_approve(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    if not MODERATOR_POLICY.user_has_permission_for_instance(
        request.user, "change", comment
    ):
        raise Http404
    comments_moderate(
        comments=[comment], status=Comment.Status.APPROVED, user=request.user
    )
    messages.success(
        request,
        gettext("The comment by %(name)s is approved.") % {"name": comment.name},
    )
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(reverse("wagtailsnippets_comments_comment:list"))
