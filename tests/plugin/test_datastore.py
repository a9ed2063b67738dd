import json

import pytest

from pytest_pdhttp import DataStore


def test_missing_key_raises_type_error_not_key_error():
    ds = DataStore()
    with pytest.raises(TypeError, match="no key 'nope'") as info:
        ds["nope"]
    assert not isinstance(info.value, KeyError)


def test_get_returns_none_or_default_when_missing():
    ds = DataStore({"a": 1})
    assert ds.get("a") == 1
    assert ds.get("b") is None
    assert ds.get("b", 0) == 0


def test_setitem_in_del_clear():
    ds = DataStore()
    ds["a"] = {"x": 1}
    assert "a" in ds and "b" not in ds
    del ds["a"]
    assert "a" not in ds
    ds["b"], ds["c"] = 1, 2
    ds.clear()
    assert list(ds.keys()) == []


def test_del_missing_key_raises_type_error():
    with pytest.raises(TypeError):
        del DataStore()["a"]


def test_reads_are_copies_and_writes_are_copies():
    value = {"name": "a", "tags": ["x"]}
    ds = DataStore({"p": value})
    value["name"] = "changed after write"
    ds["p"]["name"] = "changed on a read"
    ds["p"]["tags"].append("y")
    assert ds["p"] == {"name": "a", "tags": ["x"]}


def test_values_are_stored_as_json():
    ds = DataStore()
    ds["t"] = (1, 2)
    ds["k"] = {1: "int key"}
    assert ds["t"] == [1, 2]
    assert ds["k"] == {"1": "int key"}


@pytest.mark.parametrize("value", [object(), {1, 2}, b"bytes", float("nan")])
def test_non_json_values_are_rejected_naming_the_key(value):
    ds = DataStore()
    with pytest.raises(TypeError, match="'bad'"):
        ds["bad"] = value
    assert "bad" not in ds


def test_keys_is_not_a_list_and_cannot_be_json_encoded():
    ds = DataStore({"a": 1, "b": 2})
    keys = ds.keys()
    assert not isinstance(keys, list)
    assert sorted(keys) == ["a", "b"]
    with pytest.raises(TypeError):
        json.dumps(keys)


def test_items_are_pairs_of_copies():
    ds = DataStore({"a": {"n": 1}})
    items = list(ds.items())
    assert items == [("a", {"n": 1})]
    items[0][1]["n"] = 2
    assert ds["a"] == {"n": 1}


def test_ttl_expires_when_the_clock_is_advanced():
    ds = DataStore()
    ds.set("session", "abc", ttl=60)
    ds.advance(59)
    assert ds["session"] == "abc"
    assert ds.ttl_of("session") == 1
    ds.advance(1)
    assert "session" not in ds
    assert ds.get("session") is None


def test_set_ttl_changes_and_removes_expiry():
    ds = DataStore({"k": 1})
    assert ds.ttl_of("k") is None
    ds.set_ttl("k", ttl=10)
    assert ds.ttl_of("k") == 10
    ds.set_ttl("k", ttl=None)
    ds.advance(3600)
    assert ds["k"] == 1


def test_set_ttl_on_missing_key_raises():
    with pytest.raises(TypeError):
        DataStore().set_ttl("missing", ttl=5)


def test_plain_assignment_clears_a_ttl():
    ds = DataStore()
    ds.set("k", 1, ttl=5)
    ds["k"] = 2
    ds.advance(10)
    assert ds["k"] == 2


@pytest.mark.parametrize("ttl", [0, -1, "60", True])
def test_bad_ttl_is_rejected(ttl):
    with pytest.raises(ValueError):
        DataStore().set("k", 1, ttl=ttl)


def test_time_cannot_go_backwards():
    with pytest.raises(ValueError):
        DataStore().advance(-1)


def test_keys_must_be_strings():
    with pytest.raises(TypeError, match="keys are str"):
        DataStore()[1] = "x"


@pytest.mark.parametrize("name", ["has", "delete", "entries", "setTtl"])
def test_node_only_methods_do_not_exist(name):
    with pytest.raises(AttributeError, match="Node.js"):
        getattr(DataStore(), name)


def test_as_dict_and_repr_show_live_entries():
    ds = DataStore({"a": 1})
    ds.set("b", 2, ttl=1)
    ds.advance(1)
    assert ds.as_dict() == {"a": 1}
    assert repr(ds) == "DataStore({'a': 1})"
