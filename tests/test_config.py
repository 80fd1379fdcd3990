"""Config: environment overrides and the choice of annotation workers."""

from __future__ import annotations

import pytest

from crosswire.config import Config, annotation_plan, load_config


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROSSWIRE_MAX_BYTES", "1234")
    monkeypatch.setenv("CROSSWIRE_WORKERS", "3")
    monkeypatch.setenv("CROSSWIRE_SPACY_MODEL", "en_core_web_md")
    cfg = load_config()
    assert (cfg.max_bytes, cfg.workers, cfg.spacy_model) == (1234, 3, "en_core_web_md")
    assert load_config(max_bytes=99).max_bytes == 99  # explicit options win over the environment


def _start_method(monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    monkeypatch.setattr("multiprocessing.get_start_method", lambda allow_none=False: method)


def test_small_runs_annotate_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    _start_method(monkeypatch, "fork")
    assert annotation_plan(Config(), 5, 800) == (1, 64)
    assert annotation_plan(Config(), 1, 50_000) == (1, 64)  # one document cannot be shared


def test_forked_workers_share_a_run_of_a_few_thousand_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    _start_method(monkeypatch, "fork")
    # Batches small enough that both workers get several: spaCy deals whole batches in turn.
    assert annotation_plan(Config(), 50, 20_000) == (2, 7)
    assert annotation_plan(Config(), 5, 2_000) == (2, 1)
    assert annotation_plan(Config(), 5_000, 2_000_000) == (2, 64)
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert annotation_plan(Config(), 50, 20_000) == (1, 64)


def test_spawned_workers_only_pay_off_on_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    _start_method(monkeypatch, "spawn")
    assert annotation_plan(Config(), 50, 20_000) == (1, 64)
    assert annotation_plan(Config(), 500, 200_000) == (2, 63)


def test_explicit_workers_win() -> None:
    assert annotation_plan(Config(workers=4), 5, 100)[0] == 4
    assert annotation_plan(Config(workers=1), 500, 200_000) == (1, 64)


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
