"""What a locked-out sign-in sees (django-axes' AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.utils import ErrorList
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import ngettext


def lockout_message(request):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many failed sign-in attempts. To protect this account, signing in from "
        "your network is paused for %(minutes)d minute. Try again later, or ask a site "
        "administrator to unlock the account.",
        "Too many failed sign-in attempts. To protect this account, signing in from "
        "your network is paused for %(minutes)d minutes. Try again later, or ask a site "
        "administrator to unlock the account.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: the same sign-in page, saying why.

    The login view has already rendered its form with the generic "wrong
    password" error; render that page again with the lockout explained in
    place of it, with status 429 so that scripts can tell. Anything that is not
    a rendered sign-in form gets a short plain-text answer.
    """
    message = lockout_message(request)
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    template = getattr(original_response, "template_name", None)
    if form is None or template is None:
        response = HttpResponse(message, content_type="text/plain; charset=utf-8", status=429)
    else:
        form.errors.clear()
        form.errors[NON_FIELD_ERRORS] = ErrorList([message])
        # Middleware has already rendered responses by now: render this one here.
        response = TemplateResponse(request, template, context, status=429).render()
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
