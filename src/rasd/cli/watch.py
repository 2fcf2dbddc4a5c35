"""``rasd watch``: monitor feeds, sitemaps and section pages; alert on watched names.

``rasd watch --sources FILE --db …`` loops (each source on its own interval) until SIGTERM or
Ctrl-C; ``--once`` does one round (cron-friendly); ``--status`` shows each source's health.
``rasd watch rules add/list/remove`` manages the alert rules kept in the archive and
``rasd watch alerts`` lists the alerts (``--atom`` writes them as an Atom feed).
docs/watch.md has the sources-file format and the guarantees.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

import click

from rasd.cli.ingest import DB_HELP


def _state(db: str | None) -> Any:
    from rasd.store import open_store
    from rasd.store.watch import WatchState

    return WatchState(open_store(db))


def _webhook(config: Any) -> Any:
    """The alert callback posting signed webhooks, or None when none is configured."""
    s = config.settings
    if not s.webhook_url:
        return None
    key = os.environ.get(s.webhook_secret_env or "", "")
    if not key:
        raise click.UsageError(
            f"webhook_url is set but ${s.webhook_secret_env or 'RASD_WEBHOOK_SECRET'} is empty")
    from rasd.watch.atom import post_webhook

    def send(alert: Any) -> None:
        payload = {"rule": alert.rule.as_dict(), "story": alert.story_key,
                   "doc_id": alert.doc.id, "url": alert.doc.meta.url,
                   "title": alert.doc.meta.title, "outlet": alert.doc.meta.outlet,
                   "spans": alert.spans}
        status = post_webhook(s.webhook_url, payload, key.encode("utf-8"),
                              user_agent=s.user_agent)
        if status >= 300:
            click.echo(f"webhook answered HTTP {status}", err=True)

    return send


def _status_lines(states: list[Any], now: float, day: dict[str, int],
                  urls: dict[str, int]) -> list[str]:
    out = []
    for st in states:
        d = st.as_dict(now)
        lag = "never" if d["lag_seconds"] is None else f"{d['lag_seconds']}s ago"
        flag = f"  FLAG: {d['flag']}" if d["flag"] else ""
        out.append(f"{d['name']:<20} {d['kind']:<7} last success {lag:<12} "
                   f"polls {d['polls']} errors {d['failures']} ({d['error_rate']:.0%}) "
                   f"URLs seen {urls.get(d['name'], 0)} new articles {d['articles_new']} "
                   f"(24 h: {day.get(d['name'], 0)}){flag}")
    return out


@click.group(invoke_without_command=True)
@click.option("--sources", "sources_file", type=click.Path(dir_okay=False), default=None,
              help="Sources file (TOML): feeds, sitemaps and section pages to poll.")
@click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
@click.option("--once", is_flag=True, help="One round over the due sources, then exit.")
@click.option("--force", is_flag=True, help="With --once: poll every source, due or not.")
@click.option("--status", "show_status", is_flag=True,
              help="Show each source's last success, errors, articles and flag, then exit.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_context
def watch(ctx: click.Context, sources_file: str | None, db: str | None, once: bool,
          force: bool, show_status: bool, as_json: bool) -> None:
    """Monitor news sources: poll, store new articles, raise alerts.

    Polls each source of the sources file on its own interval with conditional requests,
    robots.txt, a per-host pace and retries; new articles are extracted, analysed and
    stored like `rasd ingest` does, and each matching rule raises one alert per story.
    State lives in the archive, so a restart (or a crash) resumes without gaps or
    duplicates.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if ctx.invoked_subcommand is not None:
        return
    if show_status:
        state = _state(db)
        now = time.time()
        states = state.sources()
        day, urls = state.new_since(now - 86400), state.new_since()
        if as_json:
            click.echo(json.dumps([{**s.as_dict(now), "new_24h": day.get(s.name, 0),
                                    "urls_seen": urls.get(s.name, 0)} for s in states],
                                  ensure_ascii=False))
        else:
            for line in _status_lines(states, now, day, urls) or ["no sources watched yet"]:
                click.echo(line)
        if any(s.flag for s in states):
            sys.exit(3)  # cron and monitors see a flagged source
        return
    if not sources_file:
        raise click.UsageError("--sources FILE is required (or --status, or a sub-command)")
    from rasd.store import open_store
    from rasd.watch.config import load
    from rasd.watch.runner import Watcher

    config = load(sources_file)
    store = open_store(db)
    watcher = None
    try:
        watcher = Watcher(store, config, on_alert=_webhook(config))
        if once:
            watcher.install_signals()
            reports = watcher.round(force=force)
            for r in reports:
                if as_json:
                    click.echo(json.dumps(r.as_dict(), ensure_ascii=False))
                else:
                    counts = " ".join(f"{k}={v}" for k, v in sorted(r.counts.items()))
                    flag = f"  FLAG: {r.flag}" if r.flag else ""
                    click.echo(f"{r.name}: HTTP {r.status} {counts} alerts={r.alerts}{flag}")
            if any(r.flag for r in reports):
                sys.exit(3)  # cron and monitors see a flagged source
            return
        click.echo(f"watching {len(config.sources)} sources; Ctrl-C or SIGTERM stops",
                   err=True)
        watcher.run()
        click.echo("stopped", err=True)
    finally:
        if watcher is not None:
            watcher.close()
        store.close()


@watch.group("rules")
def rules_group() -> None:
    """Alert rules kept in the archive: entities, places and event types to watch."""


@rules_group.command("add")
@click.argument("kind", type=click.Choice(["entity", "place", "event"]))
@click.argument("value")
@click.option("--radius", "radius_km", type=click.FloatRange(0, 20000), default=None,
              help="place rules given as LAT,LON: radius in km (default 25).")
@click.option("--label", default=None, help="A name for the rule (shown in alerts).")
@click.pass_context
def rules_add(ctx: click.Context, kind: str, value: str, radius_km: float | None,
              label: str | None) -> None:
    """Add a rule: `entity NAME[|ALIAS…]` or `entity ent_…`, `place NAME|gn:ID|CC|LAT,LON`,
    `event TYPE` (e.g. ASSAULT)."""
    rule = _state(ctx.obj["db"]).add_rule(kind, value, radius_km=radius_km, label=label)
    click.echo(json.dumps(rule.as_dict(), ensure_ascii=False))


@rules_group.command("list")
@click.pass_context
def rules_list(ctx: click.Context) -> None:
    """List the rules (JSON Lines)."""
    for rule in _state(ctx.obj["db"]).rules():
        click.echo(json.dumps(rule.as_dict(), ensure_ascii=False))


@rules_group.command("remove")
@click.argument("rule_id", type=int)
@click.pass_context
def rules_remove(ctx: click.Context, rule_id: int) -> None:
    """Remove a rule and its alerts."""
    if not _state(ctx.obj["db"]).remove_rule(rule_id):
        raise click.ClickException(f"no rule {rule_id}")
    click.echo(f"removed rule {rule_id}")


@watch.command("alerts")
@click.option("--atom", is_flag=True, help="Write an Atom feed instead of JSON Lines.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=100, show_default=True)
@click.option("--rule", "rule_id", type=int, default=None, help="Only this rule's alerts.")
@click.pass_context
def alerts(ctx: click.Context, atom: bool, limit: int, rule_id: int | None) -> None:
    """List alerts, newest first, each with the spans that triggered it."""
    found = _state(ctx.obj["db"]).alerts(limit=limit, rule_id=rule_id)
    if atom:
        from rasd.watch.atom import atom_feed

        sys.stdout.flush()
        sys.stdout.buffer.write(atom_feed(found) + b"\n")
        sys.stdout.buffer.flush()
        return
    for a in found:
        click.echo(json.dumps(a.as_dict(), ensure_ascii=False))
