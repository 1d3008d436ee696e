"""The command line: parse, call the core, render, set the exit code. Nothing else lives here."""
from __future__ import annotations

import os
import sys
import contextlib
from contextlib import contextmanager
from dataclasses import replace
from functools import cached_property, wraps
from pathlib import Path
from typing import TYPE_CHECKING

import click

from factcheck import __version__
from factcheck.errors import FactcheckError, InputError
from factcheck.model import MAX_FILE_BYTES, OPEN_FLAG_STATES, REPORT_FORMATS, Document, Statement, severity_rank

if TYPE_CHECKING:  # the core is imported by the command that needs it: `--help` loads none of it
    from factcheck.config import Config
    from factcheck.read import Meta
    from factcheck.ruleset import RuleSet
    from factcheck.store import Store

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as a shell reports SIGINT (128 + 2)
EXIT_TERMINATED = 143  # SIGTERM (kill, a service manager stopping a job), as a shell reports it (128 + 15)
STATEMENTS_PAGE = 50  # statements a table shows unless --limit says otherwise
NEW = "new"  # how the audit's report marks a flag this run found (its stored state is open)
READ_FORMATS = ("text", "markdown", "html")  # report formats for a reader: they list some flags and count the rest
INGEST_LIMIT = 20  # documents an ingest lists by name unless --limit says otherwise; the summary counts them all
AUDIT_LIMIT = 50  # flags the audit's report lists in full (cron mail stays short); `report` lists the rest
DATE = click.DateTime(formats=["%Y-%m-%d"])


class App:
    """What the group callback hands every command: the database and the rules, opened on first use."""

    def __init__(self, db: str, rules: str | None, config: Config) -> None:
        self.db_path, self.rules_dir, self.config = db, rules, config

    @cached_property
    def store(self) -> Store:
        from factcheck.store import Store

        return Store(self.db_path)

    @property
    def existing_store(self) -> Store:
        """The database for commands that only read or review it: a path that does not exist is a typo
        (an empty database would report "0 flags" and exit 0), not a new database."""
        if self.db_path != ":memory:" and not Path(self.db_path).exists():
            raise InputError(f"{self.db_path}: no such database (check --db or FACTCHECK_DB; "
                             "'factcheck ingest' creates one)")
        return self.store

    @cached_property
    def rules(self) -> RuleSet:
        from factcheck.ruleset import load_rules

        return load_rules(self.rules_dir)


class FactcheckGroup(click.Group):
    """Turns the core's domain errors into one line on stderr and exit code 2."""

    def invoke(self, ctx: click.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except FactcheckError as exc:
            say(f"factcheck: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


def collector_paused_throughout(command):  # type: ignore[no-untyped-def]
    """A command that holds a whole run's statements and findings (verify, audit) runs with the cycle collector
    paused to its end (parts.collector_paused): recording, rendering and writing them out would otherwise set off
    collections that each walk all of them again (a 100k-statement verify: a sixth of its time)."""
    @wraps(command)
    def run(*args, **kwargs):  # type: ignore[no-untyped-def]
        from factcheck.parts import collector_paused

        with collector_paused():
            return command(*args, **kwargs)
    return run


@contextmanager
def stopped_as_interrupted():  # type: ignore[no-untyped-def]
    """SIGTERM (kill, a service manager stopping a job) ends the work as Ctrl-C does: what is done is kept and
    said. Yields a list that holds the signal once one came. Only the main thread can take signals."""
    import signal
    import threading

    stopped: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield stopped
        return

    def stop(signum, frame):  # type: ignore[no-untyped-def]
        stopped.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield stopped
    finally:
        signal.signal(signal.SIGTERM, previous)


def say(line: str, err: bool = False) -> None:
    """Print a line that may carry article text (titles, paths, statements): control characters stripped."""
    from factcheck.render.safe import clean

    click.echo(clean(line), err=err)


@click.group(cls=FactcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="FACTCHECK_DB", help="The claims database  [default: factcheck.toml's db, else claims.db]")
@click.option("--rules", "rules_dir", envvar="FACTCHECK_RULES", help="A rules directory replacing the default set.")
@click.version_option(__version__, prog_name="factcheck")
@click.pass_context
def cli(ctx: click.Context, db: str | None, rules_dir: str | None) -> None:
    """Store every statement of news articles with its source, and flag contradictions between them.

    \b
    Example:
      factcheck ingest samples/
      factcheck verify
    """
    from factcheck.config import load_config

    config = load_config()  # ./factcheck.toml: defaults the command line and environment override
    ctx.obj = App(db or config.db or "claims.db", rules_dir or config.rules, config)


def meta_options(f):  # type: ignore[no-untyped-def]
    for opt in reversed([
        click.option("--published", type=DATE, help="Publication date (YYYY-MM-DD); else read from the text."),
        click.option("--outlet", help="The outlet that published the article."),
        click.option("--title", help="The story's title; else its headline."),
        click.option("--url", help="Where the story was published."),
    ]):
        f = opt(f)
    return f


def make_meta(published, outlet, title, url) -> Meta:  # type: ignore[no-untyped-def]
    from factcheck.read import Meta

    if url is not None:
        check_url(url)
    return Meta(published=published.date().isoformat() if published else None, outlet=outlet, title=title, url=url)


def check_url(url: str) -> None:
    """Only web addresses: a 'javascript:' or 'file:' URL would reach every report that links the story."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise InputError(f"--url {url!r}: not a URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InputError(f"--url {url!r}: only http:// and https:// addresses are accepted")


limit_option = click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
                            help="List at most this many flags in full, most severe first (0: all); the rest are counted.")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_FILE_BYTES, show_default=True,
                                metavar="BYTES", help="Refuse a file larger than this (checked before it is read).")


@cli.command("ingest")
@click.argument("files", nargs=-1, required=True)
@meta_options
@click.option("--dry-run", is_flag=True, help="Show what would be stored, store nothing.")
@max_bytes_option
@click.option("--limit", type=click.IntRange(min=0), default=INGEST_LIMIT, show_default=True,
              help="List at most this many documents by name (0: all); the rest are counted. Errors are all listed.")
@click.pass_obj
def ingest_cmd(app: App, files, published, outlet, title, url, dry_run, max_bytes, limit) -> None:  # type: ignore[no-untyped-def]
    """Read articles (.txt, .md, .html, .jsonl, .csv, or directories of them) into the database.

    \b
    Lists what was stored, then one summary line; a progress bar on stderr when it is a terminal.
    Exit codes: 0 done, 2 a file could not be read or stored, 130 interrupted (Ctrl-C), 143 stopped (SIGTERM).
    Example:
      factcheck ingest samples/ --outlet "Eastern Wire"
      factcheck ingest archive.jsonl --limit 0
      factcheck ingest draft.txt --published 2025-05-23 --dry-run
    """
    import time

    from factcheck.ingest import Interrupted, ingest
    from factcheck.store import Store

    from factcheck.render.ingest_lines import interrupted, listing, summary
    from factcheck.render.terminal import console, statements_table

    started = time.monotonic()
    store = Store(":memory:") if dry_run else app.store
    meta = make_meta(published, outlet, title, url)
    try:
        with ingest_progress(sys.stderr.isatty() and not dry_run) as progress, stopped_as_interrupted() as stopped:
            report, extracted = ingest(store, list(files), meta, app.rules.lexicon, dry_run, max_bytes, progress=progress)
    except KeyboardInterrupt as exc:  # what was stored is whole (a transaction a batch): say how much, no traceback
        done = exc.report if isinstance(exc, Interrupted) else None
        for error in done.errors if done else []:
            say(f"factcheck: {error}", err=True)
        say(f"factcheck: {interrupted(done)}", err=True)
        sys.exit(EXIT_TERMINATED if stopped else EXIT_INTERRUPTED)
    if dry_run:
        out = console()
        for doc, statements in extracted:
            out.print(statements_table(statements, title=f"{doc.path}: {doc.title or ''} ({doc.published or 'undated'})"))
    for line in listing(report, limit):
        say(line)
    for error in report.errors:
        say(f"factcheck: {error}", err=True)
    if not dry_run:
        say(summary(report, time.monotonic() - started))
    if report.errors:
        sys.exit(EXIT_ERROR)


@contextmanager
def ingest_progress(show: bool):  # type: ignore[no-untyped-def]
    """A transient progress line on stderr when it is a terminal: documents done, their rate, the file being read
    and, when the number of files is known (no feed among them), a bar by files with the time left; else nothing."""
    if not show:
        yield None
        return
    import time

    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from factcheck.render.safe import clean

    started = time.monotonic()
    columns = (TextColumn("{task.fields[done]} documents, {task.fields[rate]}/s"), BarColumn(bar_width=24),
               TimeRemainingColumn(), TextColumn("{task.description}", markup=False))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("", total=None, done=0, rate=0)

        def show_state(state) -> None:  # type: ignore[no-untyped-def]
            elapsed = time.monotonic() - started
            done = state.done
            name = clean(Path(state.current).name)
            bar.update(task, description=name if len(name) <= 32 else name[:31] + "…", done=done,
                       rate=round(done / elapsed) if elapsed > 0 else 0,
                       total=state.files, completed=state.files_read if state.files is not None else done)

        yield show_state


@cli.command("add")
@click.argument("text")
@click.option("--source", help="Who said it (omit for the writer's own narration).")
@click.option("--date", "date_", type=DATE, help="The day the statement is about (YYYY-MM-DD).")
@click.option("--channel", help="Where it was said: Truth Social, Telegram, a statement ...")
@click.option("--document", help="Story title to file it under (created if new).")
@click.option("--outlet", help="Outlet of a new story.")
@click.pass_obj
def add_cmd(app: App, text, source, date_, channel, document, outlet) -> None:  # type: ignore[no-untyped-def]
    """Add one statement by hand.

    \b
    Example:
      factcheck add "The swap has been completed" --source "Donald Trump" \\
          --channel "Truth Social" --date 2025-05-23 --document "Swap notes"
    """
    from factcheck.extract import statement_from_text

    day = date_.date().isoformat() if date_ else None
    doc = Document(text=text, title=document or text[:60], outlet=outlet, published=day,
                   published_from="metadata" if day else "unknown")
    statement = statement_from_text(doc, text, source, channel, app.rules.lexicon)
    sid = app.store.add_statement(doc, statement)
    say(f"added statement {sid}: {source or 'narration'}: {text}")


@cli.command("statements")
@click.option("--search", help="Full-text search (SQLite FTS5 syntax).")
@click.option("--source", help="Only statements by sources whose name contains this.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), help="Show at most this many (0: all) [default: 50 in a table, "
              "all in json].")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Statements to skip.")
@click.pass_obj
def statements_cmd(app: App, search, source, fmt, limit, offset) -> None:  # type: ignore[no-untyped-def]
    """List stored statements with source, channel and date.

    \b
    Example:
      factcheck statements --search swap
      factcheck statements --source Trump --format json
    """
    from factcheck.render.safe import json_stream

    if limit is None:
        limit = 0 if fmt == "json" else STATEMENTS_PAGE
    rows = app.existing_store.statements(search=search, source=source, limit=limit or None, offset=offset)
    if fmt == "json":
        emit(json_stream({"statements": (statement_json(s) for s in rows)}), None)
        return
    from factcheck.render.terminal import console, statements_table

    title = f"statements {offset + 1}-{offset + len(rows)}" if rows else "no statements"
    more = f" (more: --offset {offset + len(rows)})" if limit and len(rows) == limit else ""
    console().print(statements_table(rows, title=title + more))


def statement_json(s: Statement) -> dict:  # type: ignore[type-arg]
    from factcheck.render import statement_dict

    return {**statement_dict(s), "source_start": s.source_start, "source_end": s.source_end, "cue": s.cue,
            "figures": [q.text for q in s.quantities], "states": [st.state for st in s.statuses if not st.negated],
            "event": s.event}


@cli.command("sources")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_obj
def sources_cmd(app: App, fmt) -> None:  # type: ignore[no-untyped-def]
    """List sources (people, organisations, outlets, unnamed) with their aliases.

    \b
    Example:
      factcheck sources
    """
    from factcheck.render.safe import json_text

    rows = app.existing_store.sources()
    if fmt == "json":
        click.echo(json_text({"sources": rows}))
        return
    from factcheck.render.terminal import console, sources_table

    console().print(sources_table(rows))


def page_options(noun: str):  # type: ignore[no-untyped-def]
    """--format table|json, --limit and --offset for a command that lists stored things a page at a time."""
    def wrap(f):  # type: ignore[no-untyped-def]
        for opt in reversed([
            click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True),
            click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help=f"{noun} per page."),
            click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help=f"{noun} to skip."),
        ]):
            f = opt(f)
        return f
    return wrap


@cli.command("stories")
@page_options("Stories")
@click.pass_obj
def stories_cmd(app: App, fmt, limit, offset) -> None:  # type: ignore[no-untyped-def]
    """List stored stories (id, day, outlet, title, statements, appearances): the ids `report --story` takes.

    The latest version of each story; another outlet's identical copy counts as an appearance.

    \b
    Example:
      factcheck stories --limit 10
    """
    from factcheck.render.safe import json_text

    store = app.existing_store
    rows = store.documents(limit=limit, offset=offset, current=True)
    total = store.current_stories()
    if fmt == "json":
        click.echo(json_text({"stories": rows, "total": total, "limit": limit, "offset": offset}))
        return
    from factcheck.render.terminal import console, stories_table

    shown = f"{offset + 1}-{offset + len(rows)} of {total}" if rows else f"none of {total}"
    console().print(stories_table(rows, title=f"stories {shown}"))


@cli.command("events")
@page_options("Events")
@click.pass_obj
def events_cmd(app: App, fmt, limit, offset) -> None:  # type: ignore[no-untyped-def]
    """List event frames (a type and where or between whom), most told first: the ids `event show` takes.

    \b
    Example:
      factcheck events --limit 10
    """
    rows = app.existing_store.events(limit=limit, offset=offset)
    if fmt == "json":
        from factcheck.render.safe import json_text

        click.echo(json_text({"events": rows, "limit": limit, "offset": offset}))
        return
    from factcheck.render.ledger import events_table
    from factcheck.render.terminal import console

    console().print(events_table(rows, title=f"events {offset + 1}-{offset + len(rows)}" if rows else "no events"))


@cli.group("event")
def event_group() -> None:
    """One event's story so far.

    \b
    Example:
      factcheck event show 1
    """


@event_group.command("show")
@click.argument("event_id", type=int)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write it to a file.")
@click.pass_obj
def event_show(app: App, event_id, fmt, output) -> None:  # type: ignore[no-untyped-def]
    """The story so far of event EVENT_ID: per day, every source's figures and states, open flags marked.

    \b
    Example:
      factcheck event show 1 --format markdown
    """
    from factcheck.render import ledger

    event, told, flags = app.existing_store.event(event_id)
    if fmt == "json":
        from factcheck.render.safe import json_text

        emit(json_text(ledger.event_dict(event, told, flags)), output)
    elif fmt == "markdown":
        emit(ledger.event_markdown(event, told, flags), output)
    elif fmt == "html":
        emit(ledger.event_html(event, told, flags), output)
    else:
        emit(ledger.event_view(event, told, flags), output)


@cli.command("verify")
@click.argument("files", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "markdown", "html"]), default="text",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--save", is_flag=True, help="Keep the FILES in the database (default: check them only).")
@click.option("--severity", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity listed in full; lower ones are counted (text, markdown, html; json lists all)"
                   "  [default: factcheck.toml's severity, else warning]")
@limit_option
@click.option("-q", "--quiet", is_flag=True, help="Print no report: the exit code says it all (errors still on stderr).")
@meta_options
@max_bytes_option
@click.pass_obj
@collector_paused_throughout
def verify_cmd(app: App, files, fmt, output, fail_on, save, severity, limit, quiet, published, outlet, title, url,  # type: ignore[no-untyped-def]
               max_bytes) -> None:
    """Check the database (or draft FILES against it) and report flags and passed checks.

    \b
    Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 error.
    Example:
      factcheck verify
      factcheck verify draft.txt --format json
    """
    from factcheck.render.formats import keeping, render_findings
    from factcheck.verify import verify

    result = verify(app.store if files else app.existing_store, app.rules, list(files) or None,
                    make_meta(published, outlet, title, url), save, max_bytes, keep=keeping(fmt))
    if result.ingest and result.ingest.errors:
        for error in result.ingest.errors:
            say(f"factcheck: {error}", err=True)
        sys.exit(EXIT_ERROR)
    for path, day in result.year_assumed:
        say(f"factcheck: {path}: its dateline names no year: read as {day} (from the stored stories of those days, "
            "else today); pass --published YYYY-MM-DD to say otherwise", err=True)
    for path in result.undated:
        say(f"factcheck: {path}: undated (no --published, and no dateline or 'Updated' line with a year): its "
            "figures have no day and are compared with no other story's; pass --published YYYY-MM-DD", err=True)
    list_from = severity or app.config.severity or "warning"
    if quiet and not output:
        sys.exit(EXIT_FINDINGS if result.worst() >= severity_rank(fail_on) else EXIT_CLEAN)
    emit(render_findings(result.flags, result.passed, fmt, stats=app.store.counts(), list_from=list_from, limit=limit or None),
         output)
    sys.exit(EXIT_FINDINGS if result.worst() >= severity_rank(fail_on) else EXIT_CLEAN)


def emit(rendered, output: str | None) -> None:  # type: ignore[no-untyped-def]
    """Print a renderable or string, or pieces of one (JSON streamed), or write it to a file."""
    from factcheck.render.safe import clean
    from factcheck.render.terminal import console, to_text

    if not isinstance(rendered, str) and hasattr(rendered, "__next__"):  # JSON made piece by piece, escaped already
        try:
            with open(output, "w", encoding="utf-8") if output else contextlib.nullcontext(sys.stdout) as out:
                for piece in rendered:
                    out.write(piece)
        except OSError as exc:
            raise FactcheckError(f"{output or 'standard output'}: cannot write the report ({exc.strerror or exc})") from None
        return
    if output:
        text = clean(rendered) if isinstance(rendered, str) else to_text(rendered)
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise FactcheckError(f"{output}: cannot write the report ({exc.strerror or exc})") from None
        return
    if isinstance(rendered, str):
        click.echo(clean(rendered))
    else:
        console().print(rendered)


@cli.group("rules")
def rules_group() -> None:
    """List, show and test the consistency rules.

    \b
    Example:
      factcheck rules list
      factcheck rules test
    """


@rules_group.command("list")
@click.pass_obj
def rules_list(app: App) -> None:
    """Table of rules: id, kind, severity, description.

    \b
    Example:
      factcheck rules list
    """
    from factcheck.render.terminal import console, rules_table

    console().print(rules_table(app.rules.rules))


@rules_group.command("show")
@click.argument("rule_id")
@click.pass_obj
def rules_show(app: App, rule_id: str) -> None:
    """Show one rule: its parameters and examples.

    \b
    Example:
      factcheck rules show status-conflict
    """
    from factcheck.render.terminal import console, rule_panel

    console().print(rule_panel(app.rules.get(rule_id)))


@rules_group.command("test")
@click.argument("path", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--rule", "only", help="Only this rule's examples.")
@click.pass_obj
def rules_test(app: App, path: str | None, only: str | None) -> None:
    """Run every rule's examples; exit 1 naming each one that fails.

    \b
    Example:
      factcheck rules test
      factcheck rules test my-rules/ --rule sum-mismatch
    """
    from factcheck.ruleset import load_rules

    from factcheck.examples import run_examples

    rules = load_rules(path) if path else app.rules
    results = run_examples(rules, only)
    for r in results:
        say(f"{'ok  ' if r.ok else 'FAIL'} {r.rule}: {r.name} ({r.reason})")
    failed = [r for r in results if not r.ok]
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    sys.exit(EXIT_FINDINGS if failed else EXIT_CLEAN)


# --- audit: the nightly run over the whole database (factcheck/audit.py) ----------------------------

@cli.group("audit", invoke_without_command=True)
@click.option("--full", is_flag=True, help="Check everything, not only what changed since the last audit.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html", "json"]), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Lowest severity of a new flag that makes the exit code 1.")
@click.option("--wait", type=click.FloatRange(min=0), default=0, metavar="SECONDS",
              help="If another audit is running, wait up to this long for it (default: refuse at once).")
@click.pass_context
@collector_paused_throughout
def audit_group(ctx: click.Context, full, fmt, output, fail_on, wait) -> None:  # type: ignore[no-untyped-def]
    """Check what changed since the last audit; report new and resolved flags, record the run.

    \b
    Quiet when stdout is not a terminal and nothing new reaches --fail-on (cron mails nothing).
    Exit codes: 0 nothing new at or above --fail-on, 1 something new, 2 error or another audit running.
    Example:
      factcheck audit
      factcheck audit --format html -o /srv/factcheck/audit.html
      factcheck audit history
    """
    if ctx.invoked_subcommand is not None:
        return
    from factcheck.audit import audit
    from factcheck.render.formats import keeping

    if output and not os.access(Path(output).resolve().parent, os.W_OK):
        # checked before the run is recorded: a report that cannot be written must not swallow the news
        raise FactcheckError(f"{output}: cannot write the report there (no such folder, or not writable)")
    tty = sys.stdout.isatty()
    with audit_progress(tty) as progress:
        result = audit(ctx.obj.existing_store, ctx.obj.rules, full=full, wait=wait, progress=progress,
                       keep=keeping("json") if fmt == "json" else None)
    noisy = result.worst_new() >= severity_rank(fail_on)
    if output:
        kept = keep_earlier(Path(output))
        emit(render_audit(result, fmt, ctx.obj.existing_store), output)
        if kept and (tty or noisy):
            say(f"the earlier report is kept as {kept}")
        if tty or noisy:
            say(f"{result.summary()}; report in {output}")
    elif tty or noisy or fmt == "json":
        emit(render_audit(result, fmt, ctx.obj.existing_store), None)
    sys.exit(EXIT_FINDINGS if noisy else EXIT_CLEAN)


@audit_group.command("history")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def audit_history(app: App, fmt) -> None:  # type: ignore[no-untyped-def]
    """List past audit runs: when, rules hash, statements checked, flags new / still open / resolved, outcome.

    \b
    Example:
      factcheck audit history --format json
    """
    from factcheck.render.safe import json_text

    from factcheck.audit import history

    runs = history(app.existing_store)
    if fmt == "json":
        click.echo(json_text({"runs": runs}))
        return
    from factcheck.render.terminal import audit_history_view, console

    console().print(audit_history_view(runs))


def keep_earlier(path: Path) -> Path | None:
    """An audit report already at `path` (an earlier run the same day) moves to the first free numbered name
    beside it (audit.html -> audit.1.html), so no report is lost; returns where it went."""
    if not path.exists():
        return None
    n = 1
    while (kept := path.with_name(f"{path.stem}.{n}{path.suffix}")).exists():
        n += 1
    try:
        path.rename(kept)
    except OSError as exc:
        raise FactcheckError(f"{path}: cannot keep the earlier report ({exc.strerror or exc})") from None
    return kept


@contextmanager
def audit_progress(show: bool):  # type: ignore[no-untyped-def]
    """A transient progress bar on stderr when on a terminal; nothing otherwise."""
    if not show:
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("audit", total=None)
        yield lambda what, done, total: bar.update(task, description=what, completed=done, total=total)


def render_audit(result, fmt: str, store):  # type: ignore[no-untyped-def]
    """The audit's new, resolved and still-open flags through the report's renderers; JSON as DESIGN.md has it."""
    from factcheck.audit import Written
    from factcheck.model import Report
    from factcheck.render import record_dict
    from factcheck.render.formats import render_report
    from factcheck.render.safe import Encoded, json_stream

    if fmt == "json":  # written a flag at a time: a first audit of a large archive lists thousands
        return json_stream({"run": result.run, "new": (Encoded(r.json) if isinstance(r, Written) else record_dict(r)
                                                       for r in result.new),
                            "resolved": (record_dict(r) for r in result.resolved), "open": result.open})
    # new and resolved, then what is still open: each night's report is whole, whatever ran before it that day
    flags = [replace(f, state=NEW) for f in result.new] + result.resolved + result.still_open(store)  # new ones marked
    return render_report(Report(flags=tuple(flags), passed=(), title=result.summary(),
                                list_from="warning", limit=AUDIT_LIMIT), fmt)


# --- report and triage: the editor's view of stored flags (factcheck/triage.py, factcheck/render/) -----

def flag_filters(f):  # type: ignore[no-untyped-def]
    """The filters `report` and `flags` share."""
    for opt in reversed([
        click.option("--state", type=click.Choice(["open", "confirmed", "dismissed", "resolved", "all"]),
                     help="Only flags in this state (default: open and confirmed)."),
        click.option("--severity", type=click.Choice(["error", "warning", "info"]), help="Only this severity and above."),
        click.option("--rule", help="Only flags of this rule id or kind."),
        click.option("--source", help="Only flags citing a source whose name contains this."),
        click.option("--since", type=DATE, help="Only flags first seen on or after this day (YYYY-MM-DD)."),
        click.option("--story", type=int, help="Only flags citing this story (document id)."),
    ]):
        f = opt(f)
    return f


def make_filter(state, severity, rule, source, since, story):  # type: ignore[no-untyped-def]
    from factcheck.model import FlagFilter

    states = OPEN_FLAG_STATES if state is None else None if state == "all" else (state,)
    return FlagFilter(states=states, severity=severity, rule=rule, source=source,
                      since=since.date().isoformat() if since else None, story=story)


def user_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "editor"


@cli.command("report")
@flag_filters
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--by", help="Reviewer named in ClaimReview output for flags nobody triaged (default: your user name).")
@limit_option
@click.pass_obj
def report_cmd(app: App, state, severity, rule, source, since, story, fmt, output, by, limit) -> None:  # type: ignore[no-untyped-def]
    """The editor's report: stored flags by story and severity, with the checks that hold.

    \b
    Example:
      factcheck report
      factcheck report --state all --format html -o report.html
      factcheck report --severity warning --since 2025-05-01 --format markdown
      factcheck report --state confirmed --format claimreview -o reviews.jsonld
    """
    from factcheck.render.formats import render_report
    from factcheck.triage import build_report

    filt = make_filter(state, severity, rule, source, since, story)
    # info notes are counted unless asked for (and read without their citations); data formats (json, jsonl, csv,
    # claimreview) always carry every flag whole
    list_from = severity or app.config.severity or "warning"
    reading = fmt in READ_FORMATS
    report = build_report(app.existing_store, app.rules, filt, reviewer=by or app.config.reviewer or user_name(),
                          list_from=list_from if reading else "info", limit=limit if reading else None)
    report = replace(report, list_from=list_from, limit=limit or None,
                     newsroom=app.config.newsroom, newsroom_url=app.config.newsroom_url, review_url=app.config.review_url)
    emit(render_report(report, fmt), output)


@cli.group("flags", invoke_without_command=True)
@flag_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def flags_group(ctx: click.Context, state, severity, rule, source, since, story, fmt) -> None:  # type: ignore[no-untyped-def]
    """List stored flags (same filters as `report`); show, confirm, dismiss or reopen one.

    \b
    Example:
      factcheck flags --severity warning
      factcheck flags show 40df06c3
      factcheck flags dismiss 40df06c3 --note "two different swaps"
    """
    from factcheck.render import record_dict
    from factcheck.render.safe import json_text
    from factcheck.triage import check_filter, stored_flags

    if ctx.invoked_subcommand is not None:
        return
    app = ctx.obj
    filt = make_filter(state, severity, rule, source, since, story)
    check_filter(app.existing_store, app.rules, filt)
    records = stored_flags(app.store, filt)
    if fmt == "json":
        click.echo(json_text({"flags": [record_dict(r) for r in records]}))
        return
    from factcheck.render.rich_report import flags_table
    from factcheck.render.terminal import console

    if not records:
        say("no flags" + (f" ({filt.describe()})" if filt.describe() else " open or confirmed"))
        return
    console().print(flags_table(records))


@flags_group.command("show")
@click.argument("flag_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def flags_show(app: App, flag_id: str, fmt: str) -> None:
    """Show one flag (an id or a unique prefix): cited statements, why it fired, its triage history.

    \b
    Example:
      factcheck flags show 40df06c3
    """
    from factcheck.render import record_dict
    from factcheck.render.safe import json_text
    from factcheck.triage import get_flag

    rec = get_flag(app.existing_store, flag_id)
    if fmt == "json":
        click.echo(json_text(record_dict(rec)))
        return
    from factcheck.render.rich_report import flag_detail
    from factcheck.render.terminal import console

    console().print(flag_detail(rec))


def verdict_command(verdict: str, summary: str):  # type: ignore[no-untyped-def]
    """`flags confirm|dismiss|reopen ID`: record the verdict with who and when."""

    @flags_group.command(verdict, help=f"{summary}\n\n\b\nExample:\n  factcheck flags {verdict} 40df06c3 --note \"...\"")
    @click.argument("flag_id")
    @click.option("--note", help="Why: shown in reports and kept with the flag.")
    @click.option("--by", help="Who decided (default: your user name).")
    @click.pass_obj
    def command(app: App, flag_id: str, note: str | None, by: str | None) -> None:
        from factcheck.triage import set_verdict

        rec = set_verdict(app.existing_store, flag_id, verdict, note, by or app.config.reviewer or user_name())
        say(f"{rec.id[:8]} {rec.state} by {rec.triaged_by}: {rec.finding.message}")

    return command


flags_confirm = verdict_command("confirm", "Confirm a flag: the contradiction is real.")
flags_dismiss = verdict_command("dismiss", "Dismiss a flag: not a contradiction. It stays dismissed while its statements are unchanged.")
flags_reopen = verdict_command("reopen", "Reopen a confirmed or dismissed flag.")


def main() -> None:
    """Console entry point."""
    os.environ.setdefault("PYTHONIOENCODING", "utf-8")
    cli(prog_name="factcheck")
