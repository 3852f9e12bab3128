"""Client.frame, the notebook client's one optional dependency: a pandas DataFrame where pandas is installed, and
where it is not, an error that says how to get it (pandas hidden from the import system in this test)."""

from __future__ import annotations

import sys

import pandas
import pytest

from dakg.client import Client
from dakg.errors import DakgError


def test_rows_become_a_dataframe_where_pandas_is_installed() -> None:
    frame = Client.frame([{"field": "status", "value": "agreed"}, {"field": "cap", "value": 250}])
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["field", "value"] and list(frame["field"]) == ["status", "cap"]


def test_without_pandas_the_client_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails as it does where it is missing
    with pytest.raises(ImportError):
        import pandas as _  # noqa: F401  (the hiding works)
    with pytest.raises(DakgError, match=r"Client\.frame needs pandas: pip install pandas") as raised:
        Client.frame([{"field": "status", "value": "agreed"}])
    assert isinstance(raised.value.__cause__, ImportError)
