"""Upload names and the request-size limit."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosswire.service.security import safe_upload_name, safe_upload_path


@pytest.mark.parametrize(
    "name, safe",
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system32\\evil.txt", "evil.txt"),
        ("/etc/shadow", "shadow"),
        ("..", "upload"),
        (".bashrc", "bashrc"),
        ("", "upload"),
        ("report 2025 (final).txt", "report_2025_final_.txt"),
        ("ａｂｃ／..／x.txt", "x.txt"),  # full-width slash folds to '/'
        ("nul\x00byte.txt", "nul_byte.txt"),
    ],
)
def test_safe_upload_name(name: str, safe: str) -> None:
    assert safe_upload_name(name) == safe


def test_safe_upload_path_stays_inside(tmp_path: Path) -> None:
    for hostile in ["../../etc/passwd", "/abs/path", "a/../../b", "..\\x"]:
        target = safe_upload_path(tmp_path, hostile, prefix="0123-")
        assert target.parent == tmp_path.resolve()


def test_chunked_body_over_the_limit_is_refused(service: object) -> None:
    def chunks() -> object:
        for _ in range(100):
            yield b"x" * 8192

    r = service.client.post(  # type: ignore[attr-defined]
        "/documents",
        content=chunks(),
        headers={**service.auth, "Content-Type": "application/json"},  # type: ignore[attr-defined]
    )
    assert r.status_code == 413 and "at most" in r.json()["detail"]
