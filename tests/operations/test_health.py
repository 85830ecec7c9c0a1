from unittest import mock

import pytest
from django.db.utils import OperationalError


def test_liveness_answers_on_any_host_without_the_database(client):
    response = client.get("/health/", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.django_db
def test_readiness_checks_the_database(client):
    assert client.get("/health/ready/").status_code == 200


@pytest.mark.django_db
def test_readiness_fails_cleanly_when_the_database_is_down(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError):
        response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.content == b"database unavailable"
