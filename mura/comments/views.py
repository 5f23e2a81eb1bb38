from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from mura.comments.forms import CommentForm
from mura.comments.models import target_key
from mura.comments.services import CommentsClosed, comment_create
from mura.portal.clients import address_hash, rate_limited

# (comments, seconds): a person writes a few comments a minute at most; a script, many.
COMMENT_LIMITS = ((5, 60), (30, 3600))


def _target(request: HttpRequest):
    """The commented object named by the form; pages count only when live and public."""
    try:
        app_label, model = request.POST.get("content_type", "").split(".", 1)
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        object_id = int(request.POST.get("object_id", ""))
    except (ValueError, ContentType.DoesNotExist):
        raise Http404 from None
    model_class = content_type.model_class()
    target = (
        model_class._default_manager.filter(pk=object_id).first()
        if model_class
        else None
    )
    if target is None:
        raise Http404
    if isinstance(target, Page):
        target = target.specific
        if not target.live or target.get_view_restrictions().exists():
            raise Http404
    return target


def _next_url(request: HttpRequest, target) -> str:
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    if isinstance(target, Page):
        return target.get_url(request) or "/"
    return target.get_absolute_url()


@require_POST
def post_comment(request: HttpRequest) -> HttpResponse:
    """Plain POST: success redirects back with a message; a refused form comes back on its own
    page with everything the reader typed. htmx gets the form fragment in both cases."""
    target = _target(request)
    next_url = _next_url(request, target)
    form = CommentForm(request.POST)
    context = {
        "form": form,
        "target": target,
        "target_type": target_key(target),
        "next_url": next_url,
        "sent": False,
        "error": "",
    }
    status = 200
    if rate_limited(request, "comments", COMMENT_LIMITS):
        context["error"] = gettext(
            "Too many comments from your address. Wait a few minutes and send it again: your text is kept."
        )
        status = 429
    elif form.is_valid():
        if form.is_spam_trap_filled:
            # Robots are told the same as people, so they learn nothing.
            context.update(sent=True, form=CommentForm())
        else:
            try:
                comment_create(
                    target=target,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    body=form.cleaned_data["body"],
                    language=get_language(),
                    ip_hash=address_hash(request),
                )
            except CommentsClosed:
                context["error"] = gettext("Comments on this page are closed.")
                status = 403
            else:
                context.update(sent=True, form=CommentForm())
    if context["sent"] and not request.htmx:
        messages.success(request, gettext("Thank you! Your comment awaits moderation."))
        return HttpResponseRedirect(f"{next_url}#comments")
    if request.htmx:
        # htmx swaps only successful responses; the fragment carries the message itself.
        return TemplateResponse(request, "comments/includes/form.html", context)
    return TemplateResponse(request, "comments/form_page.html", context, status=status)
