"""The other half of the development sets' floors (see ``test_eval.dev_set``): a module of its
own so that pytest-xdist evaluates the two halves on both workers at once."""

from __future__ import annotations

import pytest
from test_eval import DEV_SETS, check_floor, check_found, evaluated


@pytest.fixture(scope="module", params=sorted(DEV_SETS)[1::2])
def dev_set(request):  # type: ignore[no-untyped-def]
    return evaluated(request.param)


def test_partnership_layouts_reviews_found(dev_set) -> None:  # type: ignore[no-untyped-def]
    check_found(*dev_set)


def test_partnership_layouts_regression_floor(dev_set) -> None:  # type: ignore[no-untyped-def]
    check_floor(*dev_set)
