"""Response headers: security headers and the Content-Security-Policy.

The policies themselves are settings (`CONTENT_SECURITY_POLICY`,
`ADMIN_CONTENT_SECURITY_POLICY`, `PERMISSIONS_POLICY`) so that a test or a
deployment can read them; this module applies them.
"""

from csp.constants import HEADER as CSP_HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed

# The Wagtail admin (and Django's own admin) run inline scripts and styles, so
# they get a looser policy of their own; see ADMIN_CONTENT_SECURITY_POLICY.
ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")


def permissions_policy_header(features):
    """`{"camera": [], "fullscreen": ["self", "https://x"]}` → `camera=(), fullscreen=(self "https://x")`."""
    parts = []
    for feature, allowlist in features.items():
        origins = " ".join(item if item == "self" else f'"{item}"' for item in allowlist)
        parts.append(f"{feature}=({origins})")
    return ", ".join(parts)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set.

    `Permissions-Policy` turns off the browser features no page of ours uses, and
    `Cross-Origin-Resource-Policy` keeps other sites from embedding our responses,
    except what is made to be used elsewhere (`SHARED_RESOURCE_PATH_PREFIXES`:
    podcast audio and feeds, news feeds, media), which web podcast players and
    feed readers load from their own sites. A view that sets either header
    itself keeps its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy_header(settings.PERMISSIONS_POLICY)
        self.shared_prefixes = tuple(getattr(settings, "SHARED_RESOURCE_PATH_PREFIXES", ()))

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        shared = self.shared_prefixes and request.path_info.startswith(self.shared_prefixes)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", "cross-origin" if shared else "same-origin"
        )
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin prefixes.

    Public pages get `CONTENT_SECURITY_POLICY`: no inline script or style and no
    nonces, so a cached page replays nothing secret. The admin's own templates use
    inline scripts and styles, so paths under `ADMIN_PATH_PREFIXES` get
    `ADMIN_CONTENT_SECURITY_POLICY` instead. A view decorated with django-csp's
    `@csp_override` still wins everywhere.

    The two policies never change while the process runs, so each is built once
    (and again only when a test changes the settings): building one took a third
    of the time of a cached page. Anything unusual (a view's own policy, a nonce,
    a report-only policy, DEBUG, an exemption) goes through django-csp as before.
    """

    built_policies = {}

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders a page through the middleware on a made-up
            # request for the page's public path; the admin request that frames it
            # sets the admin policy (whose frame-ancestors allows the editor).
            return response
        policy = self.fixed_policy(request, response)
        if policy is None:
            return super().process_response(request, response)
        response.headers.setdefault(CSP_HEADER, policy)
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def fixed_policy(self, request, response):
        """The public or admin policy, built once; None when django-csp must decide."""
        if settings.DEBUG or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return None
        if getattr(response, "_csp_exempt", False):
            return None
        excluded = (getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}).get(
            "EXCLUDE_URL_PREFIXES"
        )
        if excluded and request.path_info.startswith(tuple(excluded)):
            return None
        parts = self.get_policy_parts(request, response)
        if parts.update is not None or parts.replace is not None or parts.nonce is not None:
            return None
        if parts.config is None:
            which = "public"
        elif parts.config is settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]:
            which = "admin"
        else:
            return None
        if which not in self.built_policies:
            self.built_policies[which] = build_policy(config=parts.config)
        return self.built_policies[which]

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PATH_PREFIXES)
        ):
            parts = PolicyParts(
                config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"],
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


def forget_built_policies(setting, **kwargs):
    """A test that changes a policy setting gets the policy built again."""
    if "CONTENT_SECURITY_POLICY" in setting:
        ContentSecurityPolicyMiddleware.built_policies.clear()


setting_changed.connect(forget_built_policies, dispatch_uid="coalition_csp_built_policies")
