"""``rasd serve``: the HTTP API and the web interface over an archive.

Binds to 127.0.0.1 by default: an archive of news analysis should not appear on the network
because someone ran a command; listening elsewhere takes an explicit ``--host``.
"""

from __future__ import annotations

import click

from rasd.api.settings import DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_REQUEST_BYTES
from rasd.cli.ingest import DB_HELP

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8321
#: On SIGTERM/SIGINT, requests in flight get this many seconds to finish …
GRACE_SECONDS = 2
#: … and the process exits at the latest this long after the signal, even when a worker
#: thread is still waiting for a database lock (the archive is crash-safe: an interrupted
#: write transaction is rolled back, never half-written).
FORCE_EXIT_SECONDS = 4.0


@click.command()
@click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on (loopback only unless you change it).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port to listen on.")
@click.option("--token", default=None, envvar="RASD_TOKEN", show_envvar=True,
              help="Enables the write endpoints (POST /api/documents) for clients sending "
                   "'Authorization: Bearer TOKEN'. Without it the server is read-only.")
@click.option("--max-request-bytes", default=DEFAULT_MAX_REQUEST_BYTES, show_default=True,
              type=click.IntRange(1), help="Larger request bodies get HTTP 413.")
@click.option("--max-document-bytes", default=DEFAULT_MAX_DOCUMENT_BYTES, show_default=True,
              type=click.IntRange(1), help="Larger documents (text or HTML) get HTTP 413.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (each has its own connection pool).")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 256),
              help="Worker threads per process; the process's one connection pool has as "
                   "many connections (plus 4 for streamed exports).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Host header name the server answers to (repeatable; '*' for any). "
                   "Default: localhost, 127.0.0.1, ::1 (or $RASD_ALLOWED_HOSTS) plus the "
                   "--host address; other names get 400 (DNS rebinding).")
@click.option("--create", is_flag=True,
              help="Create an empty archive when --db names none (default: refuse, so a "
                   "typo does not serve an empty archive).")
@click.option("--log-level", default="warning", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="Server log verbosity (info logs every request).")
def serve(
    db: str | None,
    host: str,
    port: int,
    token: str | None,
    max_request_bytes: int,
    max_document_bytes: int,
    workers: int,
    threads: int,
    allow_hosts: tuple[str, ...],
    create: bool,
    log_level: str,
) -> None:
    """Serve the web interface (/) and the JSON API (/api, spec at /openapi.json, docs at
    /docs) over the archive in --db.  Everything is served locally; no CDN, works offline."""
    import uvicorn

    from rasd.api.settings import Settings, allowed_hosts_from_env
    from rasd.store import open_store

    hosts = tuple(h.strip().lower() for h in allow_hosts if h.strip()) or allowed_hosts_from_env()
    if host not in ("0.0.0.0", "::", "") and host.lower() not in hosts:  # noqa: S104
        hosts = (*hosts, host.lower())  # the address it listens on is a name it is reached by
    settings = Settings.from_env(
        db=db, token=token,
        max_request_bytes=max_request_bytes, max_document_bytes=max_document_bytes,
        threads=threads, allowed_hosts=hosts,
    )
    # fail fast (missing archive, bad URL, migrations) before binding
    open_store(settings.db, create=create).close()
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}, reachable from other machines", err=True)
    click.echo(
        f"rasd: serving {settings.db or 'the default archive'} on http://{_fmt(host)}:{port}/ "
        f"({'read-write with token' if settings.token else 'read-only'})",
        err=True,
    )
    if workers > 1:
        import os

        # workers re-create the app from the environment in each process
        os.environ["RASD_DB"] = settings.db or os.environ.get("RASD_DB", "")
        if settings.token:
            os.environ["RASD_TOKEN"] = settings.token
        os.environ["RASD_MAX_REQUEST_BYTES"] = str(max_request_bytes)
        os.environ["RASD_MAX_DOCUMENT_BYTES"] = str(max_document_bytes)
        os.environ["RASD_THREADS"] = str(threads)
        os.environ["RASD_ALLOWED_HOSTS"] = ",".join(hosts)
        uvicorn.run("rasd.api:app_from_env", factory=True, host=host, port=port,
                    workers=workers, log_level=log_level, server_header=False)
        return
    from rasd.api import create_app

    config = uvicorn.Config(create_app(settings), host=host, port=port, log_level=log_level,
                            server_header=False, timeout_graceful_shutdown=GRACE_SECONDS)
    _server_class(uvicorn.Server)(config).run()


def _server_class(base: type) -> type:
    """uvicorn's server plus a deadline on shutdown.

    uvicorn stops accepting requests on SIGTERM and cancels those still running after
    :data:`GRACE_SECONDS`, but a request blocked in a worker thread (a write waiting for
    another process's lock) cannot be cancelled, and the interpreter waits for that thread
    before exiting: SIGTERM used to need a SIGKILL.  A daemon timer started with the first
    signal ends the process after :data:`FORCE_EXIT_SECONDS` if it is still there.
    """
    import os
    import threading

    class Server(base):  # type: ignore[misc, valid-type]
        _deadline: threading.Timer | None = None

        def handle_exit(self, sig: int, frame: object) -> None:
            super().handle_exit(sig, frame)
            if self._deadline is None:
                self._deadline = threading.Timer(FORCE_EXIT_SECONDS, os._exit, (0,))
                self._deadline.daemon = True
                self._deadline.start()

    return Server


def _fmt(host: str) -> str:
    return f"[{host}]" if ":" in host else host
