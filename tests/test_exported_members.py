import types

import quotes


def test_all_is_sorted_and_complete():
    public = {
        name for name in dir(quotes)
        if not name.startswith("_") and not isinstance(getattr(quotes, name), types.ModuleType)
    } - {"annotations"}
    assert sorted(quotes.__all__, key=str.lower) == list(quotes.__all__) or sorted(quotes.__all__) == list(quotes.__all__)
    assert public <= set(quotes.__all__)
    for name in quotes.__all__:
        assert hasattr(quotes, name), name


def test_errors_share_one_root():
    for name in quotes.__all__:
        obj = getattr(quotes, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, quotes.QuotesError), name
