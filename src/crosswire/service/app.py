"""``crosswire serve``: the FastAPI application (JSON API + web UI) and its uvicorn runner.

Input → output: a :class:`~crosswire.seams.Store` (and optionally a worker) → an ASGI app;
``serve(db, host, port)`` opens the store at ``db`` and serves until interrupted.

Security defaults: bound to 127.0.0.1, writes need a bearer token, request bodies are
capped (413), CORS is off (no cross-origin browser may call the API), every response
carries a Content-Security-Policy without inline script.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from crosswire import __version__
from crosswire.errors import MissingDependency, ServiceError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from crosswire.seams import Store
    from crosswire.service.engine import Engine
    from crosswire.service.worker import Worker

__all__ = ["create_app", "serve"]

log = logging.getLogger("crosswire.service")

DESCRIPTION = """\
Post news articles, get stories: which reports tell the same story, what independent sources
corroborate, what conflicts, who said what — every sentence cited to the source characters.

Writes (`POST`, `DELETE`) need `Authorization: Bearer <token>` (create one with
`crosswire token create`). Briefs are computed in the background: `GET /stories/{id}` returns
the last computed brief with `stale: true` while a newer one is on its way.
"""


def create_app(
    store: Store,
    *,
    token_required: bool = True,
    worker: Worker | None = None,
    engine: Engine | None = None,
    uploads_dir: Path | None = None,
    max_body: int | None = None,
    max_items: int = 1000,
) -> FastAPI:
    """The ASGI app over ``store``. Without ``worker``, one is made with ``engine`` (default: the real pipeline).

    The worker thread starts and stops with the app's lifespan.
    """
    try:
        from fastapi import FastAPI
        from fastapi.staticfiles import StaticFiles
    except ImportError as exc:
        raise MissingDependency("fastapi", extra="serve", purpose="crosswire serve") from exc
    from crosswire.config import load_config
    from crosswire.service import api, ui
    from crosswire.service.cache import ResponseCache
    from crosswire.service.security import SecurityHeaders, SizeLimit
    from crosswire.service.worker import Worker

    if worker is None:
        if engine is None:
            from crosswire.service.engine import PipelineEngine

            engine = PipelineEngine()
        worker = Worker(store, engine)
    limit = max_body if max_body is not None else load_config().max_bytes

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        worker.start()
        try:
            yield
        finally:
            worker.stop()

    app = FastAPI(
        title="crosswire",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # The interactive docs pages load scripts from a CDN; the service works offline, so
        # only the OpenAPI document itself is served.
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.worker = worker
    app.state.engine = worker.engine
    app.state.token_required = token_required
    app.state.uploads_dir = uploads_dir
    app.state.max_items = max_items
    app.state.page_cache = ResponseCache()
    app.state.brief_cache = ResponseCache()
    app.include_router(api.router)
    app.include_router(ui.router)
    static = resources.files("crosswire.service").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    # Outermost first: the size limit answers before anything reads the body.
    app.add_middleware(SecurityHeaders)
    app.add_middleware(SizeLimit, limit=limit)
    return app


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_port(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            raise ServiceError(
                f"cannot listen on {host}:{port}: {exc.strerror} — choose another --port"
            ) from exc


def serve(db: str | None = None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Open the store at ``db`` (default: SQLite in the user data dir) and serve until Ctrl-C."""
    try:
        import uvicorn
    except ImportError as exc:
        raise MissingDependency("uvicorn", extra="serve", purpose="crosswire serve") from exc
    from platformdirs import user_data_dir

    from crosswire.store import default_url, open_store

    url = db or default_url()
    store = open_store(url)
    _check_port(host, port)
    if not _is_loopback(host):
        print(
            f"crosswire: listening on {host}, not only on this machine: anyone who can reach it can read "
            "the stories. Put it behind TLS and keep tokens secret.",
            file=sys.stderr,
        )
    if not store.token_digests():
        print(
            "crosswire: no API token yet — writes will be refused. Create one: crosswire token create",
            file=sys.stderr,
        )
    # The worker says what it does (models loaded, briefs computed, failures) next to uvicorn's log.
    if not log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     crosswire: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    app = create_app(store, uploads_dir=Path(user_data_dir("crosswire", appauthor=False)) / "uploads")
    print(f"crosswire: serving {getattr(store, 'display', url)} at http://{host}:{port}/", file=sys.stderr)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    finally:
        store.close()
