"""Language check: other languages are rejected with the reason, English passes, short texts are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.clean import run
from crosswire.clean.language import declared_language, guess_language
from crosswire.ledger import Ledger
from crosswire.models import Document

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "hegseth-jaishankar"

FRENCH = (
    "Le secrétaire américain à la Défense, Pete Hegseth, a rencontré mardi au Pentagone le ministre "
    "indien des Affaires étrangères, S. Jaishankar. Les deux responsables ont discuté de la coopération "
    "en matière de défense et des ventes d'armes en attente, selon un communiqué du Pentagone. Ils ont "
    "aussi évoqué la situation dans la région indo-pacifique et le prochain sommet du Quad."
)
SPANISH = (
    "El secretario de Defensa de Estados Unidos, Pete Hegseth, se reunió el martes en el Pentágono con "
    "el ministro de Asuntos Exteriores de la India, S. Jaishankar. Ambos hablaron de la cooperación en "
    "defensa y de las ventas de armas pendientes, según un comunicado del Pentágono, y de la situación "
    "en la región del Indo-Pacífico."
)
# English that quotes and names a lot of French stays English
ENGLISH_WITH_FRENCH = (
    "President Emmanuel Macron said on Tuesday that the reform of the retirement age would go ahead, "
    'telling reporters at the Elysee Palace that "la réforme est nécessaire" and that the unions '
    "had been heard. The Confédération générale du travail said it would call a new strike for the "
    "end of the month, and the Prime Minister was expected to address the National Assembly."
)
BOX_SCORE = (
    "Jones 3-5, Smith 2-4, Brown 1-1, Davis 0-2. Totals 6-12. Yankees 5, Red Sox 3. WP: Rivera (3-1). "
    "LP: Papelbon (2-2). HR: Jeter (4), Ortiz (12). Attendance: 41,000. Time: 3:05. Umpires: Joyce, "
    "Kulpa, West, Hudson, Layne, Reyburn."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(FRENCH, "fr"), (SPANISH, "es"), (ENGLISH_WITH_FRENCH, "en"), (BOX_SCORE, None), ("Too short.", None)],
)
def test_guess_language(text: str, expected: str | None) -> None:
    assert guess_language(text) == expected


def test_every_seed_reads_as_english() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        assert guess_language(path.read_text(encoding="utf-8")) == "en", path.name


def test_a_declared_language_tag_wins_over_the_vote() -> None:
    assert declared_language("en-GB") == "en" and declared_language("fre") == "fr"
    assert declared_language("English") is None and declared_language(None) is None
    assert guess_language(ENGLISH_WITH_FRENCH, declared="fr") == "fr"


def test_another_language_is_rejected_with_the_reason_and_the_rest_goes_on() -> None:
    docs = [
        Document(id="fr", text=FRENCH, path="in/lemonde.txt"),
        Document(id="en", text=ENGLISH_WITH_FRENCH, path="in/reuters.txt"),
        Document(id="es", text=SPANISH, path="in/elpais.json", language="es-ES"),
    ]
    ledger = Ledger()
    kept = list(run(docs, ledger=ledger))
    assert [d.id for d in kept] == ["en"]
    by_path = {r.path: r for r in ledger.rejected}
    assert set(by_path) == {"in/lemonde.txt", "in/elpais.json"}
    assert by_path["in/lemonde.txt"].code == "language"
    assert (
        "French (fr)" in by_path["in/lemonde.txt"].reason
        and "CROSSWIRE_LANGUAGES" in by_path["in/lemonde.txt"].reason
    )
    assert by_path["in/elpais.json"].reason.startswith("its metadata gives the language as Spanish (es)")
    # a multilingual setup lets them through
    assert [d.id for d in run(docs, ledger=Ledger(), languages=())] == ["fr", "en", "es"]
    assert [d.id for d in run(docs, ledger=Ledger(), languages=("en", "fr"))] == ["fr", "en"]
