"""Config: environment overrides and the choice of annotation workers."""

from __future__ import annotations

import pytest

from crosswire.config import Config, annotation_workers, load_config


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_MAX_BYTES", "1234")
    monkeypatch.setenv("CROSSWIRE_WORKERS", "3")
    monkeypatch.setenv("CROSSWIRE_SPACY_MODEL", "en_core_web_md")
    cfg = load_config()
    assert (cfg.max_bytes, cfg.workers, cfg.spacy_model) == (1234, 3, "en_core_web_md")
    assert load_config(max_bytes=99).max_bytes == 99  # explicit options win over the environment


def test_small_runs_annotate_in_one_process() -> None:
    assert annotation_workers(Config(), 5) == 1


def test_long_runs_use_up_to_two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert annotation_workers(Config(), 500) == 2
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert annotation_workers(Config(), 500) == 1


def test_explicit_workers_win() -> None:
    assert annotation_workers(Config(workers=4), 5) == 4


def test_quote_method_and_model_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (Config().quote_method, Config().quote_model) == ("rules", None)
    monkeypatch.setenv("CROSSWIRE_QUOTE_METHOD", "tagger")
    monkeypatch.setenv("CROSSWIRE_QUOTE_MODEL", "/models/tagger.crfsuite")
    cfg = load_config()
    assert (cfg.quote_method, cfg.quote_model) == ("tagger", "/models/tagger.crfsuite")
    assert load_config(quote_method="rules").quote_method == "rules"


def test_languages_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Config().languages == ("en",)
    monkeypatch.setenv("CROSSWIRE_LANGUAGES", "en, FR")
    assert load_config().languages == ("en", "fr")
    monkeypatch.setenv("CROSSWIRE_LANGUAGES", "any")
    assert load_config().languages == ()
