"""``sitrep serve``: the web workspace and HTTP API on this machine."""
from __future__ import annotations

import ipaddress
import sys

import click

from ..errors import SitrepError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def register(cli: click.Group) -> None:
    @cli.command()
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to bind. Anything but loopback requires --token.")
    @click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
    @click.option("--token", envvar="SITREP_TOKEN", default=None,
                  help="A secret every request must carry (env SITREP_TOKEN); open pages with ?token=T once.")
    @click.pass_context
    def serve(ctx: click.Context, host: str, port: int, token: str | None) -> None:
        """Serve the web workspace (reader, ledger, charts, network, map, search) and the API.

        \b
        Example:
          sitrep --db news.db serve            # http://127.0.0.1:8765/
          sitrep serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"
        """
        import uvicorn

        from ..store import open_store
        from .app import LOOPBACK_HOSTS, assets_built, create_app

        loop = is_loopback(host)
        if not loop and not token:
            raise SitrepError(f"--host {host}: binding to anything but loopback requires --token",
                              input=host, reason="token_required")
        if token is not None and len(token) < 8:
            raise SitrepError("--token: use at least 8 characters", input="--token", reason="weak_token")
        store = open_store(ctx.obj["db"])
        if not assets_built():
            click.echo("warning: the page assets are not built (run `make assets`); the API works, "
                       "the pages will not", err=True)
        app = create_app(store, token=token, hosts=LOOPBACK_HOSTS if loop else None)
        import threading

        from .api import warm_cache
        threading.Thread(target=warm_cache, args=(app,), daemon=True, name="sitrep-warm").start()
        shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        click.echo(f"sitrep: serving {store.url} at http://{shown}:{port}/"
                   + (f"?token={token}" if token else ""), err=True)
        uvicorn.run(app, host=host, port=port, log_level="warning")
        sys.exit(0)
