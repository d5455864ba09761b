"""A property-based run of the OpenAPI schema (schemathesis): no generated request makes the API fail.

Every operation gets a bounded number of generated requests (so the run stays well under a
minute per backend), sent with an admin's API token so that the handlers, not just the
authentication, are exercised. Client mistakes must be 4xx; any 5xx is a bug.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from onward.store import Store
from tests.webhelpers import import_example, make_web

EXAMPLES_PER_OPERATION = 12


@pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")
def test_generated_requests_never_cause_a_server_error(store: Store, tmp_path: Path) -> None:
    web = make_web(store, tmp_path)
    import_example(web)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", web.app)
    headers = {"Authorization": f"Bearer {web.tokens['admin']}"}
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 15

    for operation in operations:

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            phases=[hypothesis.Phase.explicit, hypothesis.Phase.generate],
        )
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ResourceWarning)
                response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path}: {response.status_code} {response.text[:200]}")

        check()
    assert failures == []
