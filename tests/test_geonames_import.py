import shutil
import zipfile

from sitrep.cli import main
from sitrep.geo.gazetteer import Gazetteer, default_path

# Two rows in the exact GeoNames dump format (19 tab-separated columns).
ROWS = [
    ["990001", "Tall Zahra", "Tall Zahra", "Tell Zahra,Tal Zahraa", "34.51", "42.21", "P", "PPL", "IQ", "",
     "01", "", "", "", "0", "", "150", "Asia/Baghdad", "2020-01-01"],
    ["990002", "Jabal Sukkar", "Jabal Sukkar", "", "34.70", "42.50", "T", "MT", "IQ", "",
     "01", "", "", "", "0", "", "300", "Asia/Baghdad", "2020-01-01"],
]


def test_import_geonames_dump_and_alternate_names(tmp_path, gazetteer, capsys):
    path = tmp_path / "gaz.sqlite"
    shutil.copy(default_path(), path)
    dump = tmp_path / "IQ.txt"
    dump.write_text("\n".join("\t".join(r) for r in ROWS) + "\nbroken line\n", encoding="utf-8")
    zipped = tmp_path / "IQ.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(dump, "IQ.txt")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t990002\ten\tSugar Mountain\t\t\t\t\t\t\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(zipped), str(alt), "--path", str(path)]) == 0
    err = capsys.readouterr().err
    assert "imported 2 places" in err and "skipped" in err
    g = Gazetteer(path)
    [p] = g.lookup("Tell Zahra")
    assert p.iso == "IQ" and p.feature == "town" and p.admin1 == "Al Anbar"
    [m] = g.lookup("Sugar Mountain")
    assert m.feature == "mountain"
