# The partner directory fixtures the Get help page lists from.
from tests.resources.conftest import add_partner, directory  # noqa: F401
