from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from mura.comments.captcha import question_create
from mura.comments.forms import CommentForm
from mura.comments.models import target_key
from mura.comments.services import CommentsClosed, comment_create
from mura.portal.ratelimit import address_hash, rate_limited

# (comments, seconds): a person writes a few comments a minute at most; a script, many.
COMMENT_LIMITS = ((5, 60), (30, 3600))
# The question instead of the picture is far cheaper to solve by script than the
# picture, so an address gets few of them, may send few answers, and after a few wrong
# answers gets no more questions for an hour.
QUESTION_LIMITS = ((3, 600), (10, 86_400))
ANSWER_LIMITS = ((2, 600), (5, 86_400))
FAILURE_LIMITS = ((3, 3600),)
TYPED_FIELDS = ("name", "email", "body")


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


def _questions_refused(request: HttpRequest) -> bool:
    return rate_limited(
        request, "comment-question-failures", FAILURE_LIMITS, count=False
    )


def _question_offer(request: HttpRequest) -> tuple[str, str] | None:
    """A new question for this reader, unless the address has had its share."""
    if _questions_refused(request) or rate_limited(
        request, "comment-question", QUESTION_LIMITS
    ):
        return None
    return question_create()


@require_POST
def post_comment(request: HttpRequest) -> HttpResponse:
    """Plain POST: success redirects back with a message; a refused form comes back on its own
    page with everything the reader typed. htmx gets the form fragment in both cases.
    "Ask for a question" posts the form too and brings it back with a question."""
    target = _target(request)
    next_url = _next_url(request, target)
    context = {
        "target": target,
        "target_type": target_key(target),
        "next_url": next_url,
        "sent": False,
        "error": "",
    }
    status = 200
    if "question_ask" in request.POST:
        question = _question_offer(request)
        typed = {name: request.POST.get(name, "") for name in TYPED_FIELDS}
        context["form"] = CommentForm(initial=typed, question=question)
        if question is None:
            context["error"] = gettext(
                "Your address has had as many questions as it may for now. Type the code from the picture, or ask again later: your text is kept."
            )
            status = 429
        return _form_response(request, context, status)
    form = context["form"] = CommentForm(request.POST)
    answering = form.answers_question
    if rate_limited(request, "comments", COMMENT_LIMITS):
        context["error"] = gettext(
            "Too many comments from your address. Wait a few minutes and send it again: your text is kept."
        )
        status = 429
    elif answering and (
        _questions_refused(request)
        or rate_limited(request, "comment-question-answers", ANSWER_LIMITS)
    ):
        context["error"] = gettext(
            "Your address has sent as many answers to questions as it may for now. Type the code from the picture, or try again later: your text is kept."
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
    elif answering and form.has_error("question"):
        rate_limited(request, "comment-question-failures", FAILURE_LIMITS)
    if context["sent"] and not request.htmx:
        messages.success(request, gettext("Thank you! Your comment awaits moderation."))
        return HttpResponseRedirect(f"{next_url}#comments")
    if answering and not context["sent"]:
        # The answered question is used up; another one only within the limits.
        form.offer_question(_question_offer(request))
    return _form_response(request, context, status)


def _form_response(request: HttpRequest, context: dict, status: int) -> HttpResponse:
    if request.htmx:
        # htmx swaps only successful responses; the fragment carries the message itself.
        return TemplateResponse(request, "comments/includes/form.html", context)
    return TemplateResponse(request, "comments/form_page.html", context, status=status)
