"""The packaged YAML data files are read by libyaml's C loader where PyYAML has it, with the same
results as the pure-Python safe loader (sitrep.yaml_data)."""

from importlib import resources

import yaml

from sitrep import yaml_data


def test_the_c_loader_is_used_where_pyyaml_has_it():
    if yaml.__with_libyaml__:
        assert yaml_data.LOADER is yaml.CSafeLoader
    else:
        assert yaml_data.LOADER is yaml.SafeLoader


def test_every_packaged_yaml_file_reads_the_same_by_both_loaders():
    root = resources.files("sitrep") / "data"
    files = [p for p in root.rglob("*") if p.name.endswith((".yaml", ".yml"))]
    assert len(files) >= 20
    for p in files:
        text = p.read_text(encoding="utf-8")
        assert yaml_data.safe_load(text) == yaml.safe_load(text), p.name


def test_the_c_loader_stays_safe():
    import pytest
    with pytest.raises(yaml.YAMLError):
        yaml_data.safe_load("!!python/object/apply:os.system ['echo unsafe']")
