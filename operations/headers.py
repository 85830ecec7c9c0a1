"""Response headers: security headers and the Content-Security-Policy.

The policies themselves are settings (`CONTENT_SECURITY_POLICY`,
`ADMIN_CONTENT_SECURITY_POLICY`, `PERMISSIONS_POLICY`) so that a test or a
deployment can read them; this module applies them.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

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
    """

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview renders a page through the middleware on a made-up
            # request for the page's public path; the admin request that frames it
            # sets the admin policy (whose frame-ancestors allows the editor).
            return response
        return super().process_response(request, response)

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
