"""The endpoint: checks a request's arguments, runs its verb, answers in XML."""

import re

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from mura.interop.oai.protocol import VERB_ARGUMENTS, OAIError, Response
from mura.interop.oai.verbs import VERBS

# Our tokens and identifiers are far shorter; a longer argument is refused unread.
MAX_ARGUMENT = 1000
# What XML 1.0 cannot carry: an argument with these could not be echoed in the answer.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _query(request: HttpRequest) -> QueryDict:
    """The request's arguments, each short and XML-safe so that it can be echoed; a body
    the protocol does not define (JSON, multipart, megabytes) is refused unread."""
    try:
        if request.method == "GET":
            query = request.GET
        elif request.content_type == "application/x-www-form-urlencoded":
            query = request.POST
        else:
            raise OAIError(
                "badArgument",
                _("Send a POST request as application/x-www-form-urlencoded."),
            )
        items = list(query.lists())
    except (RequestDataTooBig, TooManyFieldsSent) as error:
        raise OAIError("badArgument", _("The request is too large.")) from error
    for key, values in items:
        if all(
            len(text) <= MAX_ARGUMENT and not NOT_XML.search(text)
            for text in (key, *values)
        ):
            continue
        if key == "verb":
            raise OAIError("badVerb", _("The request names no OAI-PMH verb."))
        if key == "resumptionToken":
            raise OAIError(
                "badResumptionToken",
                _(
                    "The resumption token is not valid or has expired; "
                    "start the list again."
                ),
            )
        raise OAIError(
            "badArgument",
            _("An argument is too long or has characters that XML cannot carry."),
        )
    return query


def _check_arguments(request: HttpRequest) -> tuple[str, dict[str, str]]:
    """The verb and its arguments, or the protocol error that rejects them."""
    query = _query(request)
    verb = query.get("verb", "")
    if verb not in VERBS or len(query.getlist("verb")) > 1:
        raise OAIError(
            "badVerb",
            _("“%(verb)s” is not an OAI-PMH verb.") % {"verb": verb}
            if verb
            else _("The request names no verb."),
        )
    arguments = {key: query.get(key) for key in query if key != "verb"}
    optional, required = VERB_ARGUMENTS[verb]
    repeated = [key for key in query if len(query.getlist(key)) > 1]
    unknown = set(arguments) - optional - required
    exclusive = "resumptionToken" in arguments and len(arguments) > 1
    missing = required - set(arguments) if "resumptionToken" not in arguments else set()
    if repeated or unknown or exclusive or missing:
        names = (
            ", ".join(sorted(set(repeated) | unknown | missing)[:10])
            or "resumptionToken"
        )
        raise OAIError(
            "badArgument",
            _("Illegal, missing or repeated arguments: %(names)s.") % {"names": names},
        )
    return verb, arguments


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request: HttpRequest) -> HttpResponse:
    # /oai has no language prefix, so the site would always answer in Kazakh;
    # a harvester's operator may ask for Russian or English with Accept-Language.
    with translation.override(translation.get_language_from_request(request)):
        return _answer(request)


def _answer(request: HttpRequest) -> HttpResponse:
    response = Response(request, {})
    try:
        verb, arguments = _check_arguments(request)
    except OAIError as error:
        response.errors([error])
        return response.http()
    response.arguments = {"verb": verb, **arguments}
    response.echo_arguments()
    try:
        VERBS[verb](request, response, arguments).run()
    except OAIError as error:
        # Only the verb's element was possibly started; errors replace it.
        for child in response.root[2:]:
            response.root.remove(child)
        if (
            error.code == "badArgument"
        ):  # the protocol echoes no arguments it could not accept
            response.request_element.attrib.clear()
        response.errors([error])
    return response.http()
