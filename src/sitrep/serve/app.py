"""The web workspace and HTTP API over one store: ``create_app(store, token=None)``.

Security, because scraped text is hostile input:
- every response carries a Content-Security-Policy that allows scripts, styles,
  images and data only from this server (no inline script, no eval, no
  framing, no plugins); pages render document text with ``textContent``;
- ``token``: when given, every request must carry it (``Authorization: Bearer
  T``, header ``X-Sitrep-Token``, or the ``sitrep_token`` cookie that opening
  any page with ``?token=T`` sets); ``sitrep serve`` requires one whenever it
  binds to anything but loopback;
- ``hosts``: the Host names accepted (loopback names by default), which stops
  DNS-rebinding pages from reading a loopback server.

Every error, whatever raised it, has one shape:
``{"error": {"status": 404, "code": "not_found", "message": "...", "details": [...]}}``.
"""
from __future__ import annotations

import hmac
import logging
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import SitrepError
from ..store import Store
from .pages import PAGES as PAGE_TABLE, render_page

log = logging.getLogger("sitrep.serve")

STATIC = Path(__file__).parent / "static"
PAGES = tuple(n for n in PAGE_TABLE if n != "index")     # served at /NAME; the index at /
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; "
       "object-src 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
TOKEN_COOKIE = "sitrep_token"

# reason words of SitrepError -> HTTP status
_STATUS_OF_REASON = {"not_found": 404, "ambiguous": 409}


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    details: list[Any] | None = None


class ErrorBody(BaseModel):
    """The one shape of every error the server returns."""
    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody, "description": d} for s, d in
    [(400, "Bad filter or sort"), (401, "Token missing or wrong"), (404, "Not found"),
     (409, "Ambiguous id"), (422, "Invalid parameter"), (500, "Server error")]}

_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
          409: "conflict", 422: "invalid", 500: "server_error"}


def error_response(status: int, message: str, code: str | None = None, details: list | None = None,
                   headers: dict | None = None) -> JSONResponse:
    body = {"error": {"status": status, "code": code or _CODES.get(status, "error"), "message": message,
                      "details": details}}
    h = dict(SECURITY_HEADERS)
    h.update(headers or {})
    return JSONResponse(body, status_code=status, headers=h)


def create_app(store: Store, token: str | None = None, hosts: Iterable[str] | None = LOOPBACK_HOSTS) -> FastAPI:
    """The FastAPI app: the API under ``/api``, pages at ``/`` and ``/reader`` etc.,
    assets under ``/static``. ``hosts=None`` accepts any Host header."""
    from .api import router as api_router
    from .exports import router as export_router

    # (no /docs: Swagger UI loads from a CDN and runs inline script; /openapi.json is served)
    app = FastAPI(title="sitrep", version="0.1.0", responses=ERROR_RESPONSES, docs_url=None, redoc_url=None,
                  description="The records sitrep read from war news, with the spans they came from.")
    app.state.store = store
    allowed = {h.lower() for h in hosts} | {"testserver"} if hosts is not None else None

    @app.middleware("http")
    async def guard(request: Request, call_next):
        host = (request.headers.get("host") or "").lower()
        hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if allowed is not None and hostname not in allowed:
            return error_response(400, f"{host}: this server answers only to {', '.join(sorted(allowed - {'testserver'}))}",
                                  code="bad_host")
        if "%00" in request.url.query or "\x00" in request.url.path or "%00" in request.url.path:
            return error_response(422, "the request contains a NUL character", code="invalid",
                                  details=[{"where": "request", "problem": "NUL character"}])
        if token:
            given = _token_of(request)
            if given is None or not hmac.compare_digest(given.encode(), token.encode()):
                return error_response(401, "a token is required: open a page with ?token=T or send "
                                      "'Authorization: Bearer T'", headers={"WWW-Authenticate": "Bearer"})
            if request.query_params.get("token") and request.method == "GET" and not request.url.path.startswith("/api"):
                rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
                resp = RedirectResponse(request.url.path + ("?" + rest if rest else ""), status_code=303)
                resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
                resp.headers.update(SECURITY_HEADERS)
                return resp
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/api"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        msg = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and msg == "Not Found":
            msg = f"{request.url.path}: no such page or endpoint"
        return error_response(exc.status_code, msg, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        details = [{"where": ".".join(str(x) for x in e.get("loc", ())), "problem": e.get("msg", "")}
                   for e in exc.errors()]
        first = details[0] if details else {"where": "request", "problem": "invalid"}
        return error_response(422, f"{first['where']}: {first['problem']}", details=details)

    @app.exception_handler(SitrepError)
    async def sitrep_error(request: Request, exc: SitrepError):
        status = _STATUS_OF_REASON.get(exc.reason or "", 400)
        return error_response(status, str(exc), code=exc.reason or _CODES[status])

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        return error_response(500, f"{request.url.path}: internal error ({type(exc).__name__})")

    app.include_router(api_router, prefix="/api")
    app.include_router(export_router, prefix="/api")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return _page("index")

    for name in PAGES:
        app.add_api_route(f"/{name}", _page_route(name), include_in_schema=False, methods=["GET"])

    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app


def _token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return (request.headers.get("x-sitrep-token") or request.cookies.get(TOKEN_COOKIE)
            or request.query_params.get("token"))


def _page(name: str) -> Response:
    return HTMLResponse(render_page(name), media_type="text/html; charset=utf-8")


def _page_route(name: str):
    def page() -> Response:
        return _page(name)
    page.__name__ = f"page_{name}"
    return page


def assets_built() -> bool:
    return (STATIC / "build" / "reader.js").is_file()
