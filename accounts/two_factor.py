"""Two-factor sign-in for the admin with django-otp: a six-digit code from an
authenticator app (TOTP) after the password.

`TWO_FACTOR_REQUIRED` (on in production) makes it compulsory for superusers and
the "Coalition editors" group: after the password they set up an app once, then
give a code at each sign-in. Anyone else (partner accounts) may set it up at
/admin/two-factor/setup/; once set up, it is asked for every time. With the
setting off (development, tests), nobody is asked unless they set it up.
"""

import base64
import io

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import EDITORS_GROUP

DEVICE_NAME = "Authenticator app"
PROTECTED_PATHS = ("/admin/", "/django-admin/")
# Always reachable once the password is given: the two pages here, signing out,
# and what the admin's sign-in-style pages load (icons, translations).
EXEMPT_PATHS = (
    "/admin/two-factor/",
    "/admin/login/",
    "/admin/logout/",
    "/admin/jsi18n/",
    "/admin/sprite/",
)


def must_use_two_factor(user):
    if not getattr(settings, "TWO_FACTOR_REQUIRED", False):
        return False
    return user.is_superuser or user.groups.filter(name=EDITORS_GROUP).exists()


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


class TwoFactorMiddleware:
    """Send a signed-in admin user who still owes a code to set up or verify.

    Goes after django-otp's OTPMiddleware, which marks a session verified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path_info.startswith(PROTECTED_PATHS)
            and not request.path_info.startswith(EXEMPT_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            has_device = confirmed_device(user) is not None
            if has_device or must_use_two_factor(user):
                target = "two_factor_verify" if has_device else "two_factor_setup"
                return redirect(f"{reverse(target)}?next={request.get_full_path()}")
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Too many wrong codes. Wait a minute, then try again."), code="throttled"
            )
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not right. Try the newest one."))
        return token


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def qr_code_data_uri(text):
    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=5, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_required(login_url="wagtailadmin_login")
def setup(request):
    device = confirmed_device(request.user)
    if device is not None and not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={safe_next(request)}")
    if device is not None:
        return redirect(safe_next(request))
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=DEVICE_NAME, confirmed=False)
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(safe_next(request))
    secret = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "two_factor/setup.html",
        {
            "form": form,
            "next": safe_next(request),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "qr_code": qr_code_data_uri(device.config_url),
        },
    )


@login_required(login_url="wagtailadmin_login")
def verify(request):
    device = confirmed_device(request.user)
    if device is None:
        return redirect(f"{reverse('two_factor_setup')}?next={safe_next(request)}")
    form = TokenForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(safe_next(request))
    return TemplateResponse(
        request, "two_factor/verify.html", {"form": form, "next": safe_next(request)}
    )


urlpatterns = [
    path("setup/", setup, name="two_factor_setup"),
    path("verify/", verify, name="two_factor_verify"),
]
