"""Command line: ``crosswire ingest|cluster|brief|watch|serve|train-quotes|token``.

Input → output: argv → text on stdout (tables, JSON, Markdown, HTML), messages on stderr,
and an exit code:

====  =====================================================================
code  meaning
====  =====================================================================
0     every input was accepted and the command did its job
1     partial success: some inputs were rejected (listed), the rest was processed
2     nothing usable: no input accepted, a path not found, or a usage error
3     the environment is missing something: an optional extra, a model, a database
70    a bug in crosswire (a traceback is printed; please report it)
====  =====================================================================

Heavy modules are imported inside the command functions so ``crosswire --help`` is instant.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from crosswire import __version__

if TYPE_CHECKING:
    from crosswire.ledger import Ledger
    from crosswire.models import Document

__all__ = ["main"]

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING, EXIT_ENVIRONMENT, EXIT_BUG = 0, 1, 2, 3, 70


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {value!r}")
    return n


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="crosswire",
        description="Find which news reports tell the same story and brief what independent sources corroborate.",
        epilog="Exit codes: 0 all inputs accepted, 1 some rejected, 2 nothing usable or bad usage, "
        "3 missing dependency/model/database, 70 bug.",
    )
    p.add_argument("--version", action="version", version=f"crosswire {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def inputs(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, globs or feed URLs")
        sp.add_argument(
            "--max-bytes", type=int, default=None, help="reject files larger than this (default 20 MB)"
        )
        sp.add_argument(
            "-q", "--quiet", action="store_true", help="no progress bar, no reject list on stderr"
        )
        sp.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")

    sp = sub.add_parser("ingest", help="read inputs and show what was read and what was rejected")
    inputs(sp)
    sp.add_argument("--format", choices=["table", "json"], default="table")

    sp = sub.add_parser("cluster", help="group inputs into stories, origin families and duplicates")
    inputs(sp)
    sp.add_argument("--format", choices=["table", "json"], default="table")

    sp = sub.add_parser("brief", help="write the brief of every story in the inputs")
    inputs(sp)
    sp.add_argument("--format", choices=["md", "json", "html"], default="md")
    sp.add_argument(
        "--quotes",
        choices=["rules", "tagger", "transformer"],
        default=None,
        help="quote extraction: rules (default), or a tagger trained by `crosswire train-quotes` "
        "(tagger = the CRF, transformer = the fine-tuned encoder of the quotes-nn extra)",
    )
    sp.add_argument(
        "--story",
        action="append",
        default=[],
        metavar="ID",
        help="brief only this story: its id as `crosswire cluster` or the brief's contents print it "
        "(or the first digits of it), or the id of one of its documents; repeat for several",
    )
    sp.add_argument(
        "--min-sources",
        type=_positive,
        default=1,
        metavar="N",
        help="brief only stories told by at least N independent sources (default 1: all)",
    )

    sp = sub.add_parser("watch", help="watch a folder; each new file joins a story or starts one")
    sp.add_argument("directory")
    sp.add_argument("--interval", type=float, default=2.0, help="seconds between scans (default 2)")
    sp.add_argument(
        "--window-days", type=float, default=None, help="stories stay open this many days (default 3)"
    )
    sp.add_argument("--once", action="store_true", help="scan once, print the stories, exit")
    sp.add_argument("--format", choices=["table", "json"], default="table")
    sp.add_argument("-q", "--quiet", action="store_true")

    sp = sub.add_parser("serve", help="run the HTTP API and web UI")
    sp.add_argument(
        "--db", default=None, help="sqlite:///PATH (default: in the user data dir) or postgresql://…"
    )
    sp.add_argument("--host", default="127.0.0.1")
    sp.add_argument("--port", type=int, default=8000)

    sp = sub.add_parser(
        "train-quotes", help="train the quote tagger on a brat attribution corpus (PolNeAR layout)"
    )
    sp.add_argument("directory", metavar="BRAT_DIR", help="a folder with text/*.txt and attributions/*.ann")
    sp.add_argument(
        "--method",
        choices=["crf", "transformer"],
        default="crf",
        help="crf (default, ≈ 6 min on PolNeAR train) or transformer (extra quotes-nn, ≈ 45 min on 2 cores)",
    )
    sp.add_argument(
        "--out", default=None, help="model file or directory (default: where `brief --quotes …` looks)"
    )
    sp.add_argument("--limit", type=int, default=None, help="train on the first N texts only")

    sp = sub.add_parser("token", help="manage API tokens for the service's write endpoints")
    tsub = sp.add_subparsers(dest="token_command", metavar="ACTION")
    tc = tsub.add_parser("create", help="create a bearer token and print it once")
    tc.add_argument("--db", default=None)
    tc.add_argument("--name", default="default")
    return p


# ----------------------------------------------------------------------------- helpers


def _out(args: argparse.Namespace) -> TextIO:
    if getattr(args, "output", None):
        return open(args.output, "w", encoding="utf-8")
    return sys.stdout


def _config(args: argparse.Namespace) -> Any:
    from crosswire.config import load_config

    return load_config(
        max_bytes=getattr(args, "max_bytes", None),
        window_days=getattr(args, "window_days", None),
        quote_method=getattr(args, "quotes", None),
    )


class _Progress:
    """A one-line progress bar on stderr for runs over 50 files, drawn only on a terminal.

    Redirected to a file or a pipe (a cron job's log, CI), the bar's carriage returns would
    write every step of it one after another, burying the reject list; so it is off there,
    as with ``-q``.
    """

    def __init__(self, quiet: bool, *, terminal: bool | None = None) -> None:
        self.quiet = quiet or not (sys.stderr.isatty() if terminal is None else terminal)
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if self.quiet or total <= 50:
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\rreading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        self.shown = True
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            self.shown = False


def _read(args: argparse.Namespace, ledger: Ledger) -> list[Document]:
    from crosswire import clean, dedup, ingest

    config = _config(args)
    progress = _Progress(args.quiet)
    docs = list(
        dedup.run(
            clean.run(
                ingest.run(args.paths, max_bytes=config.max_bytes, ledger=ledger, progress=progress),
                ledger=ledger,
                languages=config.languages,
                min_words=config.min_words,
            )
        )
    )
    progress.close()
    return docs


def _report_rejects(ledger: Ledger, quiet: bool) -> None:
    if quiet:
        return
    for r in ledger.rejected:
        print(f"crosswire: rejected {r.where()}: {r.reason}", file=sys.stderr)


def _exit_code(accepted: int, ledger: Ledger) -> int:
    if accepted == 0:
        return EXIT_NOTHING
    return EXIT_PARTIAL if ledger.rejected else EXIT_OK


def _doc_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "path": d.path,
        "format": d.format,
        "source": d.source,
        "url": d.url,
        "published": d.published,
        "published_from": d.published_from,
        "dateline_place": d.dateline_place,
        "title": d.title,
        "author": d.author,
        "words": d.words,
        "credit": d.credit,
        "truncated": d.truncated,
        "truncation_reason": d.truncation_reason,
        "notes": [{"kind": n.kind, "start": n.start, "end": n.end} for n in d.notes],
        "simhash": d.fingerprint.simhash_hex if d.fingerprint else None,
    }


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    out = [line, "  ".join("-" * w for w in widths)]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(out)


def _clip(s: str | None, n: int) -> str:
    if not s:
        return "-"
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


# ---------------------------------------------------------------------------- commands


def _cmd_ingest(args: argparse.Namespace) -> int:
    from crosswire.ledger import Ledger

    ledger = Ledger()
    docs = _read(args, ledger)
    out = _out(args)
    try:
        if args.format == "json":
            payload = {
                "documents": [_doc_row(d) for d in docs],
                "rejected": [
                    {"path": r.path, "line": r.line, "code": r.code, "reason": r.reason}
                    for r in ledger.rejected
                ],
            }
            json.dump(payload, out, indent=2, ensure_ascii=False)
            out.write("\n")
        else:
            rows = [
                [
                    d.id,
                    _clip(d.source, 18),
                    d.published or "unknown",
                    d.dateline_place or "-",
                    _clip(d.title, 40),
                    str(d.words),
                    d.credit or "-",
                    "yes" if d.truncated else "no",
                    d.fingerprint.simhash_hex if d.fingerprint else "-",
                ]
                for d in docs
            ]
            headers = [
                "id",
                "source",
                "published",
                "place",
                "title",
                "words",
                "credit",
                "truncated",
                "simhash",
            ]
            out.write(_table(rows, headers) + "\n")
            out.write(f"\n{len(docs)} read, {len(ledger.rejected)} rejected\n")
            for d in docs:  # the outlet's own notes are no text of the report: say where they went
                for n in d.notes:
                    out.write(f"  {n.kind} {d.id}:{n.start}-{n.end}: {_clip(d.text[n.start : n.end], 90)}\n")
            for r in ledger.rejected:
                out.write(f"  rejected {r.where()}: {r.reason}\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if args.format == "json":
        _report_rejects(ledger, args.quiet)
    return _exit_code(len(docs), ledger)


def _cmd_cluster(args: argparse.Namespace) -> int:
    from crosswire import pipeline
    from crosswire.cluster.report import render_clusters
    from crosswire.ledger import Ledger

    ledger = Ledger()
    docs = _read(args, ledger)
    story_docs = pipeline.stories(docs, config=_config(args)) if docs else []
    out = _out(args)
    try:
        out.write(render_clusters(story_docs, rejected=ledger.rejected, fmt=args.format))
    finally:
        if out is not sys.stdout:
            out.close()
    _report_rejects(ledger, args.quiet)
    return _exit_code(len(docs), ledger)


def _cmd_brief(args: argparse.Namespace) -> int:
    from crosswire import pipeline
    from crosswire.brief.render import render
    from crosswire.errors import ConfigError
    from crosswire.ledger import Ledger

    config = _config(args)
    ledger = Ledger()
    docs = _read(args, ledger)
    briefs = []
    if docs:
        from crosswire.cluster.select import select_stories

        embedder = pipeline.load_models(config)
        found = pipeline.stories(docs, config=config, embedder=embedder)
        try:
            chosen = select_stories(found, names=args.story, min_sources=args.min_sources)
        except ConfigError:
            _report_rejects(ledger, args.quiet)  # what the read turned away is news too
            raise
        if len(chosen) < len(found) and not args.quiet:
            print(f"crosswire: briefing {len(chosen)} of {len(found)} stories", file=sys.stderr)
        briefs = list(pipeline.briefs(chosen, config=config, embedder=embedder))
    out = _out(args)
    try:
        out.write(render(briefs, rejected=ledger.rejected, fmt=args.format))
    finally:
        if out is not sys.stdout:
            out.close()
    _report_rejects(ledger, args.quiet)
    return _exit_code(len(docs), ledger)


def _cmd_watch(args: argparse.Namespace) -> int:
    from crosswire.cluster.watch import watch

    return watch(
        args.directory,
        interval=args.interval,
        once=args.once,
        fmt=args.format,
        quiet=args.quiet,
        config=_config(args),
    )


def _cmd_serve(args: argparse.Namespace) -> int:
    from crosswire.service.app import serve

    serve(db=args.db, host=args.host, port=args.port)
    return EXIT_OK


def _cmd_train_quotes(args: argparse.Namespace) -> int:
    import time

    from crosswire.annotate import load_nlp
    from crosswire.ledger import Ledger

    nn = args.method == "transformer"
    train: Callable[..., Path]
    if nn:
        from crosswire.extract.quote_transformer import default_model_dir, import_torch
        from crosswire.extract.quote_transformer_train import train_from_brat as train

        torch, _ = import_torch("Training the transformer quote tagger")
        torch.set_num_threads(min(2, os.cpu_count() or 1))  # results depend on the thread count
        out = Path(args.out) if args.out else default_model_dir()
    else:
        from crosswire.extract.quote_tagger import default_model_path
        from crosswire.extract.quote_tagger_train import train_from_brat as train

        out = Path(args.out) if args.out else default_model_path()
    out.parent.mkdir(parents=True, exist_ok=True)
    ledger = Ledger()
    t0 = time.perf_counter()
    try:
        path = train(
            args.directory, out, nlp=load_nlp(_config(args).spacy_model), limit=args.limit, ledger=ledger
        )
    finally:
        _report_rejects(ledger, quiet=False)
    size = (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        if path.is_dir()
        else path.stat().st_size
    )
    print(f"quote tagger written to {path} ({size / 1e6:.1f} MB, {time.perf_counter() - t0:.0f} s)")
    flag = "transformer" if nn else "tagger"
    if args.out:
        print(f"use it with CROSSWIRE_QUOTE_MODEL={path} crosswire brief --quotes {flag} …", file=sys.stderr)
    else:
        print(f"use it with `crosswire brief --quotes {flag} …`", file=sys.stderr)
    return EXIT_PARTIAL if ledger.rejected else EXIT_OK


def _cmd_token(args: argparse.Namespace) -> int:
    if args.token_command != "create":
        print("crosswire token: say `crosswire token create [--name NAME] [--db URL]`", file=sys.stderr)
        return EXIT_NOTHING
    from crosswire.service.auth import create_token

    token = create_token(db=args.db, name=args.name)
    print(token)
    print("Keep it: it is shown once. Send it as `Authorization: Bearer <token>`.", file=sys.stderr)
    return EXIT_OK


_COMMANDS = {
    "ingest": _cmd_ingest,
    "cluster": _cmd_cluster,
    "brief": _cmd_brief,
    "watch": _cmd_watch,
    "serve": _cmd_serve,
    "train-quotes": _cmd_train_quotes,
    "token": _cmd_token,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_NOTHING
    from crosswire.errors import ConfigError, CrosswireError, InputError

    try:
        return _COMMANDS[args.command](args)
    except (InputError, ConfigError) as exc:
        print(f"crosswire: {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except CrosswireError as exc:
        print(f"crosswire: {exc}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception:  # a bug: show everything, and keep exit code 1 free for "partial"
        import traceback

        traceback.print_exc()
        print("crosswire: internal error — please report it with the traceback above", file=sys.stderr)
        return EXIT_BUG
